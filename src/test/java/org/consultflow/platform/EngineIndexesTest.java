package org.consultflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class EngineIndexesTest {

    private final JdbcDataSource database = new JdbcDataSource();

    EngineIndexesTest() {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void createsTheIndexesOnceHoweverOftenTheApplicationStarts() {
        var jdbc = new JdbcTemplate(database);
        jdbc.execute("create table ACT_RU_JOB (ID_ varchar(64) primary key, DUEDATE_ timestamp, LOCK_EXP_TIME_ timestamp)");

        EngineIndexes.create(database, "", false);
        EngineIndexes.create(database, "", false);

        assertThat(jdbc.queryForList("select index_name from information_schema.indexes "
                + "where table_name = 'ACT_RU_JOB' and index_name like 'ACT_IDX_JOB_%' order by index_name", String.class))
                .containsExactly("ACT_IDX_JOB_DUEDATE", "ACT_IDX_JOB_LOCKEXP");
    }

    @Test
    void aDatabaseThatRefusesTheIndexStillStarts() {
        // No ACT_RU_JOB here: the create fails, which must not stop the engine from starting.
        assertThatNoException().isThrownBy(() -> EngineIndexes.create(database, "", false));
    }
}
