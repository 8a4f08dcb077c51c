package org.consultflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.server.ResponseStatusException;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.consultflow.platform.EmbeddedMailServer.EmbeddedMailSettings;

class EmbeddedMailServerTest {

    private GreenMail server;
    private JavaMailSenderImpl sender;
    private CaughtMailController controller;

    @BeforeEach
    void start() {
        server = EmbeddedMailServer.start(new EmbeddedMailSettings(true, 0, 0));
        sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(server.getSmtp().getPort());
        controller = new CaughtMailController(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void letsAnyMailClientReadAnyMailboxWithAnyPassword() throws Exception {
        send("jane.smith@blaby.example.org", "Invitation to respond: Future of VCS infrastructure");

        Store imap = Session.getInstance(new Properties()).getStore("imap");
        imap.connect("localhost", server.getImap().getPort(), "jane.smith@blaby.example.org", "whatever I like");
        try {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).extracting(jakarta.mail.Message::getSubject)
                    .containsExactly("Invitation to respond: Future of VCS infrastructure");
        } finally {
            imap.close();
        }
    }

    @Test
    void listsCaughtMailNewestFirstWithLinksThatKeepPointingAtTheSameMessage() throws Exception {
        send("jane.smith@blaby.example.org", "Invitation to respond: Future of VCS infrastructure");
        Thread.sleep(5); // received times are in milliseconds
        send("sam.patel@example.org", "Draft report ready: Future of VCS infrastructure");

        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(controller.list(model)).isEqualTo("dev/mail");

        @SuppressWarnings("unchecked")
        List<CaughtMailController.Summary> messages = (List<CaughtMailController.Summary>) model.get("messages");
        assertThat(messages).extracting(CaughtMailController.Summary::subject).containsExactly(
                "Draft report ready: Future of VCS infrastructure",
                "Invitation to respond: Future of VCS infrastructure");
        assertThat(messages).extracting(CaughtMailController.Summary::index).containsExactly(1, 0);
        assertThat(messages.get(1).to()).isEqualTo("jane.smith@blaby.example.org");
    }

    @Test
    void showsOneMessageWithItsTextItsHtmlAndTheLinksToFollow() throws Exception {
        send("jane.smith@blaby.example.org", "Invitation to respond: Future of VCS infrastructure");

        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(controller.show(0, model)).isEqualTo("dev/mail-message");

        CaughtMailController.Message message = (CaughtMailController.Message) model.get("message");
        assertThat(message.text()).contains("Respond here: https://consultflow.example.org/respond/abc");
        assertThat(message.html()).contains("<a href=\"https://consultflow.example.org/respond/abc\">");
        assertThat(message.links()).containsExactly("https://consultflow.example.org/respond/abc");
        assertThat(message.headers()).contains(
                new CaughtMailController.Field("Subject", "Invitation to respond: Future of VCS infrastructure"));
    }

    @Test
    void answersNotFoundForAMessageThatWasNeverCaught() {
        assertThatThrownBy(() -> controller.show(0, new ExtendedModelMap()))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void pagesShowTheMailAndKeepItsHtmlInsideASandbox() throws Exception {
        send("jane.smith@blaby.example.org", "Invitation to respond: Future of VCS infrastructure");
        ExtendedModelMap list = new ExtendedModelMap();
        ExtendedModelMap one = new ExtendedModelMap();

        String listPage = render(controller.list(list), list);
        String messagePage = render(controller.show(0, one), one);

        assertThat(listPage).contains("<title>Caught mail – ConsultFlow</title>", "<h1 class=\"govuk-heading-l\">Caught mail</h1>",
                "<th scope=\"col\" class=\"govuk-table__header\">Subject</th>",
                "href=\"/dev/mail/0\">Invitation to respond: Future of VCS infrastructure</a>");
        assertThat(messagePage).contains("<h1 class=\"govuk-heading-l\">Invitation to respond: Future of VCS infrastructure</h1>",
                "<pre", "Respond here: https://consultflow.example.org/respond/abc",
                "sandbox=\"\"", "srcdoc=\"&lt;p&gt;&lt;a href=&quot;https://consultflow.example.org/respond/abc&quot;&gt;")
                .doesNotContain("srcdoc=\"<p>");
    }

    @Test
    void mailSendersWaitForTheServerToListen() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerBeanDefinition("mailSender", new RootBeanDefinition(JavaMailSenderImpl.class));

        EmbeddedMailServer.mailSendersWaitForEmbeddedMailServer().postProcessBeanFactory(beans);

        assertThat(beans.getBeanDefinition("mailSender").getDependsOn()).containsExactly(EmbeddedMailServer.BEAN_NAME);
    }

    private void send(String to, String subject) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("consultations@example.org");
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText("Respond here: https://consultflow.example.org/respond/abc",
                "<p><a href=\"https://consultflow.example.org/respond/abc\">Respond</a></p>");
        sender.send(message);
    }

    /** The web templates as Spring MVC renders them, minus the servlet context links would otherwise be relative to. */
    private static String render(String view, ExtendedModelMap model) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                return "";
            }
        });
        return engine.process(view, new Context(Locale.UK, model));
    }
}
