package org.consultflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class JobDueDateIndexTest {

    private final JdbcDataSource database = new JdbcDataSource();

    JobDueDateIndexTest() {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void createsTheIndexOnceHoweverOftenTheApplicationStarts() {
        var jdbc = new JdbcTemplate(database);
        jdbc.execute("create table ACT_RU_JOB (ID_ varchar(64) primary key, DUEDATE_ timestamp)");

        JobDueDateIndex.create(database, "");
        JobDueDateIndex.create(database, "");

        assertThat(jdbc.queryForList("select index_name from information_schema.indexes "
                + "where table_name = 'ACT_RU_JOB' and index_name = 'ACT_IDX_JOB_DUEDATE'", String.class)).hasSize(1);
    }

    @Test
    void aDatabaseThatRefusesTheIndexStillStarts() {
        // No ACT_RU_JOB here: the create fails, which must not stop the engine from starting.
        assertThatNoException().isThrownBy(() -> JobDueDateIndex.create(database, ""));
    }
}
