package org.consultflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Base64;

import org.consultflow.platform.PublicLinks;
import org.junit.jupiter.api.Test;

class PersonalLinksTest {

    final Engagements engagements = mock(Engagements.class);
    final PersonalLinks links = new PersonalLinks(
            new PublicLinks("https://consult.example.org/", "a-private-server-side-key-for-tests"), engagements);

    @Test
    void aLinkCarries256BitsDerivedFromTheBusinessKey() {
        var token = links.token("round", "blaby");

        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(links.token("round", "blaby")).isEqualTo(token);
        assertThat(links.token("round", "charnwood")).isNotEqualTo(token);
        assertThat(links.url("round", "blaby")).isEqualTo("https://consult.example.org/respond/" + token);
    }

    @Test
    void aReSentInvitationsLinkIsNewWhileTheFirstLinkStaysAsItWas() {
        var first = links.token("round", "blaby");
        when(engagements.linkGeneration("round", "blaby")).thenReturn(2);

        assertThat(links.token("round", "blaby", 0)).as("links sent before generations existed still work")
                .isEqualTo(first);
        assertThat(links.token("round", "blaby", 1)).isNotEqualTo(first);
        assertThat(links.token("round", "blaby", 2)).isNotIn(first, links.token("round", "blaby", 1));
        assertThat(links.url("round", "blaby")).as("mails carry the current link")
                .isEqualTo("https://consult.example.org/respond/" + links.token("round", "blaby", 2));
    }

    @Test
    void anotherServerKeyGivesOtherLinks() {
        var other = new PersonalLinks(new PublicLinks("https://consult.example.org", "another-key"), null);

        assertThat(other.token("round", "blaby")).isNotEqualTo(links.token("round", "blaby"));
    }

    @Test
    void onlyTheHashOfATokenIsKept() {
        var token = links.token("round", "blaby");

        assertThat(PersonalLinks.hash(token)).hasSize(64).doesNotContain(token);
    }

    @Test
    void malformedTokensAreNotLookedUp() {
        assertThat(links.resolve("../../etc/passwd")).isEmpty();
        assertThat(links.resolve(null)).isEmpty();
    }
}
