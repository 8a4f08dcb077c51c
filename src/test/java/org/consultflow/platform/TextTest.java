package org.consultflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void findsTheCharactersThatCannotBeStored() {
        assertThat(Text.forbiddenCharacter("Blaby\u0000", false)).isEqualTo("U+0000");
        assertThat(Text.forbiddenCharacter("line\nbreak", false)).isEqualTo("U+000A");
        assertThat(Text.forbiddenCharacter("line\nbreak\tand tab", true)).isNull();
        assertThat(Text.forbiddenCharacter("bell\u0007", true)).isEqualTo("U+0007");
        assertThat(Text.forbiddenCharacter("lone \uD800 surrogate", true)).isEqualTo("U+D800");
        assertThat(Text.forbiddenCharacter("emoji \uD83D\uDE00 and Łódź", false)).isNull();
    }

    @Test
    void makesLogLinesUnforgeable() {
        assertThat(Text.printable("id\r\nINFO forged line")).isEqualTo("id\\u000d\\u000aINFO forged line");
        assertThat(Text.printable("x".repeat(50), 10)).isEqualTo("xxxxxxxxxx...");
    }
}
