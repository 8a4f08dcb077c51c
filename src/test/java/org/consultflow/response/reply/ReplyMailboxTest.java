package org.consultflow.response.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.util.unit.DataSize;

/**
 * The reply mailbox against a real IMAP server that goes away and comes back, and a database that fails once: a poll
 * never throws, and a reply is flagged as read only once it was kept, so nothing in the mailbox is lost.
 */
class ReplyMailboxTest {

    private static final String MAILBOX = "replies@consultflow.localhost";

    private GreenMail server;
    private ServerSetup[] setup;
    private final ReplyIntake intake = mock(ReplyIntake.class);
    private ReplyMailbox mailbox;

    @BeforeEach
    void start() {
        setup = new ServerSetup[] {new ServerSetup(0, "127.0.0.1", "smtp"), new ServerSetup(0, "127.0.0.1", "imap")};
        server = new GreenMail(setup);
        server.start();
        server.setUser(MAILBOX, MAILBOX, "secret");
        mailbox = new ReplyMailbox(new ReplySettings(true, "imap", "127.0.0.1", server.getImap().getPort(), MAILBOX,
                "secret", "INBOX", Duration.ofSeconds(30), DataSize.ofMegabytes(10), List.of("application/pdf"),
                100_000), intake, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void keepsPollingThroughAnOutageAndTakesTheReplyOnceTheMailboxIsBack() throws Exception {
        int port = server.getImap().getPort();
        server.stop();

        // The mailbox is gone: the poll reports it and returns, ready for the next one.
        assertThatCode(mailbox::poll).doesNotThrowAnyException();
        verify(intake, never()).take(any());

        server = new GreenMail(new ServerSetup[] {setup[0], new ServerSetup(port, "127.0.0.1", "imap")});
        server.start();
        server.setUser(MAILBOX, MAILBOX, "secret");
        deliver("Our views on the proposals");
        mailbox.poll();

        var taken = ArgumentCaptor.forClass(ReceivedReply.class);
        verify(intake).take(taken.capture());
        assertThat(taken.getValue().subject()).isEqualTo("Re: Our views on the proposals");
        assertThat(taken.getValue().body()).contains("We support model B.");
        assertThat(seen()).containsExactly(true);
    }

    @Test
    void leavesAReplyUnreadWhenItCannotBeKeptAndTakesItAtTheNextPoll() throws Exception {
        deliver("Our views on the proposals");
        doThrow(new QueryTimeoutException("database unreachable")).when(intake).take(any());

        assertThatCode(mailbox::poll).doesNotThrowAnyException();
        assertThat(seen()).containsExactly(false);

        reset(intake);
        mailbox.poll();
        verify(intake, times(1)).take(any());
        assertThat(seen()).containsExactly(true);

        // Read once: the next poll finds nothing new.
        reset(intake);
        mailbox.poll();
        verify(intake, never()).take(any());
    }

    private void deliver(String subject) {
        GreenMailUtil.sendTextEmail(MAILBOX, "jane.smith@blaby.example.org", "Re: " + subject, "We support model B.",
                new ServerSetup(server.getSmtp().getPort(), "127.0.0.1", "smtp"));
    }

    private List<Boolean> seen() throws Exception {
        var user = server.getUserManager().getUser(MAILBOX);
        return server.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .map(m -> m.getFlags().contains(Flags.Flag.SEEN)).toList();
    }

}
