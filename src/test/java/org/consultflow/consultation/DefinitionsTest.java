package org.consultflow.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.consultflow.consultation.Definition.QuestionType;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

    static final Path SEED = Path.of("consultations/vcs-infrastructure-2007.yaml");

    static final String VALID = """
            key: parks-2030
            title: Future of the town parks
            coordinator: {name: Sam Reed, email: sam.reed@example.org}
            timezone: Europe/London
            deadline: 2030-03-01T17:00:00Z
            reminders: [P7D]
            reportDue: 2030-03-10
            questions:
              - {id: priorities, type: TEXT, text: "What should the parks offer?"}
              - id: hours
                type: CHOICE
                text: Which opening hours suit you?
                options: [{id: early, label: 7am to 7pm}, {id: late, label: 9am to 10pm}]
            groups:
              - {id: resident, label: Residents' associations, required: true}
            consultees:
              - {id: north-ra, organisation: North Residents, group: resident, contact: {name: Ann Lee, email: ann@example.org}}
              - {id: south-ra, organisation: South Residents, group: resident, contact: {email: south@example.org}}
            """;

    final Definitions definitions = new Definitions(Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void readsTheShippedSeedRoundAsARehearsal() throws Exception {
        Definition seed = definitions.read(Files.readString(SEED), true);

        assertThat(seed.key()).isEqualTo("vcs-infrastructure-2007");
        assertThat(seed.timezone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(seed.deadline()).isEqualTo(OffsetDateTime.parse("2007-04-30T23:59:59+01:00"));
        assertThat(seed.deadline().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(seed.reminders()).containsExactly(Duration.ofDays(14), Duration.ofDays(7), Duration.ofDays(2));
        assertThat(seed.chase()).isEqualTo(Duration.ofDays(3));
        assertThat(seed.reportDue()).isEqualTo(LocalDate.of(2007, 5, 9));
        assertThat(seed.shortPeriodReason()).startsWith("Views were needed by 30 April");
        assertThat(seed.questions()).extracting(Definition.Question::id).containsExactly("role", "preference", "funding");
        Definition.Question preference = seed.question("preference").orElseThrow();
        assertThat(preference.type()).isEqualTo(QuestionType.CHOICE);
        assertThat(preference.options()).extracting(Definition.Option::id).containsExactly("a", "b", "c");
        assertThat(preference.other()).isTrue();
        assertThat(seed.consultees()).filteredOn(seed::isRequired).extracting(Definition.Consultee::id)
                .containsExactlyInAnyOrder("blaby", "charnwood", "harborough", "hinckley-bosworth", "melton",
                        "north-west-leicestershire", "oadby-wigston");
        assertThat(seed.consultees()).filteredOn(c -> c.group().equals("key-partner")).hasSize(4);
        assertThat(seed.consultees()).allSatisfy(c -> assertThat(c.contact().email()).endsWith("@example.org"));
    }

    @Test
    void refusesTheSeedRoundAsARealRoundBecauseItsDeadlineHasPassed() throws IOException {
        assertThat(paths(Files.readString(SEED), false)).containsExactly("deadline");
    }

    @Test
    void listsEveryProblemWithItsPath() {
        String broken = VALID
                .replace("options: [{id: early, label: 7am to 7pm}, {id: late, label: 9am to 10pm}]",
                        "options: [{id: early, label: 7am to 7pm}]")
                .replace("{id: north-ra, organisation: North Residents, group: resident, contact: {name: Ann Lee, email: ann@example.org}}",
                        "{id: north-ra, organisation: North Residents, group: residents, contact: {name: Ann Lee, email: ann@example.org}}")
                .replace("{id: south-ra, organisation: South Residents, group: resident, contact: {email: south@example.org}}",
                        """
                        {id: south-ra, organisation: South Residents, group: resident, contact: {email: not-an-email}}
                          - {id: north-ra, organisation: Northern Trust, group: resident, contact: {email: nt@example.org}}
                        reminder: [P2D]""");

        List<String> paths = paths(broken, false);

        assertThat(paths).containsExactlyInAnyOrder(
                "questions[1].options", "consultees[0].group", "consultees[1].contact.email", "consultees[2].id",
                "reminder");
    }

    @Test
    void namesWhichPartnerSystemsMayAnswerForWhom() throws Exception {
        Definition definition = definitions.read(VALID + """
                sources:
                  - {source: /partners/north, name: North portal, consultees: [north-ra]}
                  - {source: /partners/all-residents, groups: [resident]}
                """, false);

        var north = definition.consultee("north-ra").orElseThrow();
        var south = definition.consultee("south-ra").orElseThrow();
        assertThat(definition.mayAnswer("/partners/north", north)).isTrue();
        assertThat(definition.mayAnswer("/partners/north", south)).isFalse();
        assertThat(definition.mayAnswer("/partners/all-residents", south)).isTrue();
        assertThat(definition.mayAnswer("/partners/unknown", north)).isFalse();
    }

    @Test
    void refusesSourcesForUnknownGroupsOrConsulteesAndConsultFlowsOwnSources() {
        assertThat(paths(VALID + """
                sources:
                  - {source: /consultflow/respond, groups: [residents], consultees: [west-ra]}
                """, false)).containsExactlyInAnyOrder("sources[0].source", "sources[0].groups[0]",
                "sources[0].consultees[0]");
    }

    @Test
    void namesWhoElseReceivesTheApprovedReport() throws Exception {
        assertThat(definitions.read(VALID, false).distribution()).isEmpty();
        assertThat(definitions.read(VALID + "distribution: [clerk@example.org, chair@example.org]\n", false)
                .distribution()).containsExactly("clerk@example.org", "chair@example.org");
    }

    @Test
    void namesTheCoordinatorsWhoMayChangeTheRound() throws Exception {
        assertThat(definitions.read(VALID, false).coordinators()).isEmpty();
        assertThat(definitions.read(VALID + "coordinators: [sam.reed, jo]\n", false).coordinators())
                .containsExactly("sam.reed", "jo");
    }

    @Test
    void aRoundWithConsulteesAddedKeepsTheCoordinatorsItNames() throws Exception {
        var definition = definitions.read(VALID + "coordinators: [sam.reed]\n", false);

        assertThat(definition.withConsultees(definition.consultees().subList(0, 1)).coordinators())
                .containsExactly("sam.reed");
    }

    @Test
    void refusesCoordinatorsThatCannotBeUserIdsOrAreRepeatedOrNone() {
        assertThat(paths(VALID + "coordinators: [sam.reed, 'Sam Reed']\n", false)).containsExactly("coordinators[1]");
        assertThat(paths(VALID + "coordinators: [jo, jo]\n", false)).containsExactly("coordinators");
        assertThat(paths(VALID + "coordinators: []\n", false)).containsExactly("coordinators");
    }

    @Test
    void refusesADistributionAddressThatCannotBeMailed() {
        assertThat(paths(VALID + "distribution: [clerk@example.org, chair@localhost]\n", false))
                .containsExactly("distribution[1]");
    }

    @Test
    void sendsNoWeAskedYouSaidMailUnlessTheDefinitionAsksForIt() throws Exception {
        assertThat(definitions.read(VALID, false).feedback().mail()).isFalse();
        var feedback = definitions.read(VALID + "feedback: {mail: true, link: 'https://council.example.org/parks'}\n",
                false).feedback();
        assertThat(feedback.mail()).isTrue();
        assertThat(feedback.link()).isEqualTo("https://council.example.org/parks");
    }

    @Test
    void refusesAFeedbackLinkThatIsNotAWebAddress() {
        assertThat(paths(VALID + "feedback: {mail: true, link: 'javascript:alert(1)'}\n", false))
                .containsExactly("feedback.link");
        assertThat(paths(VALID + "feedback: {link: 'https://council.example.org/parks'}\n", false))
                .containsExactly("feedback.mail");
    }

    @Test
    void refusesAddressesTheMailLibraryCannotSendToAndControlCharacters() {
        String broken = VALID.replace("email: south@example.org", "email: 'South <south@example.org>'")
                .replace("title: Future of the town parks", "title: \"Future of the\\0 town parks\"");

        assertThat(paths(broken, false)).containsExactlyInAnyOrder("consultees[1].contact.email", "title");
    }

    @Test
    void explainsEachProblemInPlainEnglish() {
        InvalidDefinitionException refused = refuse(VALID
                .replace("group: resident, contact: {name: Ann Lee", "group: residents, contact: {name: Ann Lee")
                .replace("reminders: [P7D]", "remindres: [P7D]"));

        assertThat(refused.problems()).contains(
                new DefinitionProblem("consultees[0].group", "there is no group \"residents\"; the groups are: resident"));
        assertThat(refused.problems()).filteredOn(p -> p.path().equals("remindres")).singleElement()
                .extracting(DefinitionProblem::message).asString()
                .contains("check the spelling").contains("reminders");
    }

    @Test
    void readsJson() throws Exception {
        String json = """
                {"key": "parks-2030", "title": "Future of the town parks",
                 "coordinator": {"name": "Sam Reed", "email": "sam.reed@example.org"},
                 "timezone": "Europe/London", "deadline": "2030-03-01T17:00:00Z",
                 "questions": [{"id": "priorities", "type": "TEXT", "text": "What should the parks offer?"}],
                 "groups": [{"id": "resident", "label": "Residents' associations", "required": true}],
                 "consultees": [{"id": "north-ra", "organisation": "North Residents", "group": "resident",
                                 "contact": {"email": "ann@example.org"}}]}
                """;

        Definition definition = definitions.read(json, false);

        assertThat(definition.key()).isEqualTo("parks-2030");
        assertThat(definition.isRequired(definition.consultee("north-ra").orElseThrow())).isTrue();
    }

    @Test
    void acceptsDurationsOfSeconds() throws Exception {
        Definition definition = definitions.read(VALID.replace("reminders: [P7D]", "reminders: [PT30S]\nchase: PT30S"), false);

        assertThat(definition.reminders()).containsExactly(Duration.ofSeconds(30));
        assertThat(definition.chase()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesDurationsThatAreNotPositiveOrNotIsoDurations() {
        assertThat(paths(VALID.replace("reminders: [P7D]", "reminders: [P0D, 7 days]\nchase: P1W"), false))
                .containsExactlyInAnyOrder("reminders[0]", "reminders[1]", "chase");
    }

    @Test
    void checksTheTimeline() {
        String confused = VALID
                .replace("timezone: Europe/London", "timezone: Europe/Leicester\nopens: 2030-04-01T09:00:00Z")
                .replace("reportDue: 2030-03-10", "reportDue: 2030-02-28");

        assertThat(paths(confused, false)).containsExactlyInAnyOrder("timezone", "opens", "reportDue");
    }

    @Test
    void refusesOptionsOnTextQuestionsAndRepeatedIds() {
        String muddled = VALID
                .replace("{id: priorities, type: TEXT, text: \"What should the parks offer?\"}",
                        "{id: priorities, type: TEXT, text: \"What?\", options: [{id: a, label: A}, {id: b, label: B}]}")
                .replace("{id: late, label: 9am to 10pm}", "{id: early, label: 9am to 10pm}");

        assertThat(paths(muddled, false)).containsExactlyInAnyOrder("questions[0].options", "questions[1].options[1].id");
    }

    @Test
    void acceptsOptionIdsAsWrittenInTheSketchButKeepsOtherForFreeText() throws Exception {
        String upper = VALID.replace("{id: early,", "{id: A,").replace("{id: late,", "{id: B,");
        assertThat(definitions.read(upper, false).question("hours").orElseThrow().option("A")).isPresent();

        String clash = VALID.replace("text: Which opening hours suit you?", "text: Which opening hours suit you?\n    other: true")
                .replace("{id: late,", "{id: other,");
        assertThat(paths(clash, false)).containsExactly("questions[1].options[1].id");
    }

    @Test
    void refusesIdsThatCannotGoInALink() {
        InvalidDefinitionException refused = refuse(VALID.replace("id: north-ra", "id: North RA"));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("consultees[0].id");
            assertThat(problem.message()).startsWith("\"North RA\" is not valid here.").contains("lower-case letters");
        });
    }

    @Test
    void refusesTextThatIsNotYamlWithWhereItWentWrong() {
        InvalidDefinitionException refused = refuse("key: parks-2030\ntitle: [unclosed\n");

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEmpty();
            assertThat(problem.message()).contains("could not be read as YAML or JSON").contains("line ");
        });
    }

    @Test
    void refusesAFieldWrittenTwice() {
        InvalidDefinitionException refused = refuse(VALID.replace("title: Future of the town parks",
                "title: Future of the town parks\ntitle: Parks"));

        assertThat(refused.problems()).singleElement().extracting(DefinitionProblem::message).asString()
                .contains("Duplicate field 'title'");
    }

    @Test
    void refusesAnEmptyDefinitionAndNamesWhatIsRequired() {
        assertThat(refuse("").problems()).extracting(DefinitionProblem::message).containsExactly("The definition is empty.");
        assertThat(paths("title: Nothing else", false)).containsExactlyInAnyOrder(
                "key", "coordinator", "timezone", "deadline", "questions", "groups", "consultees");
    }

    private List<String> paths(String text, boolean rehearsal) {
        InvalidDefinitionException refused = catchThrowableOfType(InvalidDefinitionException.class,
                () -> definitions.read(text, rehearsal));
        assertThat(refused).as("definition should have been refused").isNotNull();
        return refused.problems().stream().map(DefinitionProblem::path).toList();
    }

    private InvalidDefinitionException refuse(String text) {
        InvalidDefinitionException refused = catchThrowableOfType(InvalidDefinitionException.class,
                () -> definitions.read(text, false));
        assertThat(refused).as("definition should have been refused").isNotNull();
        return refused;
    }

    @Test
    void aConsulteeAddedToARunningRoundIsCheckedLikeTheDefinitionsOwn() throws Exception {
        Definition round = definitions.read(VALID + "feedback: {mail: true, link: https://example.org/parks}\n", false);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();

        var problems = catchThrowableOfType(InvalidRequestException.class, () -> definitions.readConsultee(json.readTree("""
                {"id": "north-ra", "organisation": "North\\u0000Residents", "group": "business",
                 "contact": {"email": "no@@example.org"}, "note": "x"}"""), round)).problems();

        assertThat(problems).extracting(DefinitionProblem::path)
                .containsExactlyInAnyOrder("id", "organisation", "group", "contact.email", "note");
        assertThat(problems).filteredOn(p -> p.path().equals("id")).first().extracting(DefinitionProblem::message)
                .asString().contains("already the id of a consultee");
        assertThat(problems).filteredOn(p -> p.path().equals("group")).first().extracting(DefinitionProblem::message)
                .asString().contains("the groups are: resident");
        assertThat(problems).filteredOn(p -> p.path().equals("organisation")).first()
                .extracting(DefinitionProblem::message).asString().contains("control character (U+0000)");

        var added = definitions.readConsultee(json.readTree("""
                {"id": "east-ra", "organisation": "East Residents", "group": "resident",
                 "contact": {"name": "Eve Tan", "email": "eve@example.org"}}"""), round);
        assertThat(added).isEqualTo(new Definition.Consultee("east-ra", "East Residents", "resident",
                new Definition.Contact("Eve Tan", "eve@example.org")));
        var fromAForm = new Definition.Consultee("west-ra", "West Residents", "resident",
                new Definition.Contact(null, "west@example.org"));
        assertThat(definitions.readConsultee(definitions.tree(fromAForm), round)).as("a contact without a name is fine")
                .isEqualTo(fromAForm);
        assertThat(round.withConsultees(List.of()).withConsultees(round.consultees()))
                .as("a round with consultees added keeps everything else its definition said").isEqualTo(round);
    }
}
