package org.consultflow.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.consultflow.consultation.DefinitionProblem;
import org.consultflow.consultation.Definitions;
import org.consultflow.consultation.InvalidDefinitionException;
import org.junit.jupiter.api.Test;

class ConsulteesCsvTest {

    private final Definitions definitions = new Definitions(Clock.systemUTC());

    @Test
    void replacesTheDefinitionsConsulteesWithTheSpreadsheetsRowsInAnyColumnOrder() throws Exception {
        var seed = Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"));
        var csv = ConsulteesCsv.read("\uFEFFEmail,Organisation,Stakeholder group,Contact name,ID\r\n"
                + "clerk@blaby.example.org,Blaby District Council,district-council,Ann Clerk,blaby\r\n"
                + "\"office@yes.example.org\",\"Yes, Community \"\"Hub\"\"\",ssog-member,,yes\r\n"
                + ",,,,\r\n");

        var definition = definitions.read(csv.into(definitions.parse(seed)), true);

        assertThat(csv.size()).isEqualTo(2);
        assertThat(definition.consultees()).hasSize(2);
        assertThat(definition.consultees().get(0).contact().email()).isEqualTo("clerk@blaby.example.org");
        assertThat(definition.consultees().get(0).contact().name()).isEqualTo("Ann Clerk");
        // Read back as the text it was, not as a YAML boolean, with its quotes and comma.
        assertThat(definition.consultees().get(1).id()).isEqualTo("yes");
        assertThat(definition.consultees().get(1).organisation()).isEqualTo("Yes, Community \"Hub\"");
        assertThat(definition.consultees().get(1).contact().name()).isNull();
        assertThat(definition.title()).startsWith("Review of Voluntary");
    }

    @Test
    void namesTheLineOfAConsulteeTheRulesRefuse() throws Exception {
        var seed = Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"));
        var csv = ConsulteesCsv.read("""
                id,organisation,group,name,email
                blaby,Blaby District Council,district-council,Ann Clerk,clerk@blaby.example.org
                melton,Melton Borough Council,district-councils,Bob Clerk,not-an-address
                """);

        assertThatThrownBy(() -> definitions.read(csv.into(definitions.parse(seed)), true))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(
                        e.problems().stream().map(ConsulteesCsv::located).map(DefinitionProblem::toString))
                        .anySatisfy(p -> assertThat(p).startsWith("consultees[1].contact.email").endsWith("(consultees file, line 3)"))
                        .anySatisfy(p -> assertThat(p).startsWith("consultees[1].group").endsWith("(consultees file, line 3)")));
    }

    @Test
    void saysWhichColumnsAreMissingOrThatThereAreNoRows() {
        assertThatThrownBy(() -> ConsulteesCsv.read("id,organisation,email\nblaby,Blaby,clerk@blaby.example.org\n"))
                .hasMessageContaining("missing: group, name");
        assertThatThrownBy(() -> ConsulteesCsv.read("id,organisation,group,name,email\n"))
                .hasMessageContaining("no consultees");
        assertThatThrownBy(() -> ConsulteesCsv.read("")).hasMessageContaining("empty");
    }
}
