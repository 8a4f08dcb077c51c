package org.consultflow.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Definition.Contact;
import org.junit.jupiter.api.Test;

class ConsulteeListTest {

    @Test
    void findsAConsulteeByIdAsAScanWouldTheFirstOfADuplicateIdIncluded() {
        var first = consultee("blaby", "Blaby District Council");
        var again = consultee("blaby", "Blaby again");
        var other = consultee("harborough", "Harborough District Council");
        var list = ConsulteeList.of(List.of(first, again, other));

        assertThat(((ConsulteeList) list).byId("blaby")).containsSame(first);
        assertThat(((ConsulteeList) list).byId("harborough")).containsSame(other);
        assertThat(((ConsulteeList) list).byId("melton")).isEmpty();
        assertThat(((ConsulteeList) list).byId(null)).isEmpty();
        assertThat(list).containsExactly(first, again, other).isEqualTo(List.of(first, again, other));
    }

    @Test
    void isACopyThatCannotBeChanged() {
        var source = new ArrayList<>(List.of(consultee("blaby", "Blaby District Council")));
        var list = ConsulteeList.of(source);
        source.add(consultee("harborough", "Harborough District Council"));

        assertThat(list).hasSize(1);
        assertThat(((ConsulteeList) list).byId("harborough")).isEmpty();
        assertThatThrownBy(() -> list.add(source.get(1))).isInstanceOf(UnsupportedOperationException.class);
    }

    private static Consultee consultee(String id, String organisation) {
        return new Consultee(id, organisation, "district", new Contact("Jane Smith", "jane@" + id + ".example.org"));
    }
}
