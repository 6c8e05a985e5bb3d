package com.omnis.notifications.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.omnis.notifications.domain.EmailContent;
import com.omnis.notifications.domain.Language;
import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.MessageKind;
import com.omnis.notifications.service.Templates;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.Map;

/**
 * The messages' templates (mustache.java, classpath {@code templates/}), compiled once per container:
 * for each kind and language {@code <kind>/<lang>.html.mustache} (escapes every {@code {{value}}}, inside
 * {@code /layout}), {@code <kind>/<lang>.txt.mustache} (first line the subject, then the plain-text part,
 * nothing escaped: it is not HTML) and, for kinds sent by text message, {@code <kind>/<lang>.sms.mustache}.
 * A missing template fails the constructor, so a cold start (and a test) finds it, not a customer.
 */
public final class MustacheTemplates implements Templates {

    private record Compiled(Mustache html, Mustache text, Mustache sms) {
    }

    private final Map<MessageKind, Map<Language, Compiled>> compiled = new EnumMap<>(MessageKind.class);

    public MustacheTemplates() {
        DefaultMustacheFactory html = new DefaultMustacheFactory("templates");
        DefaultMustacheFactory plain = new PlainTextFactory();
        for (MessageKind kind : MessageKind.values()) {
            Map<Language, Compiled> languages = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                String base = kind.code() + "/" + language.code();
                Mustache sms = kind.channels().contains(MessageChannel.SMS) ? plain.compile(base + ".sms.mustache") : null;
                languages.put(language, new Compiled(html.compile(base + ".html.mustache"), plain.compile(base + ".txt.mustache"), sms));
            }
            compiled.put(kind, languages);
        }
    }

    @Override
    public EmailContent email(MessageKind kind, Language language, Map<String, Object> model) {
        Compiled templates = compiled.get(kind).get(language);
        String text = run(templates.text(), model).strip();
        int newline = text.indexOf('\n');
        if (newline < 0) {
            throw new IllegalStateException(kind.code() + "/" + language.code() + ".txt: the first line is the subject, then the text");
        }
        return new EmailContent(text.substring(0, newline).strip(), run(templates.html(), model),
                text.substring(newline + 1).strip() + "\n");
    }

    @Override
    public String sms(MessageKind kind, Language language, Map<String, Object> model) {
        Mustache sms = compiled.get(kind).get(language).sms();
        if (sms == null) {
            throw new IllegalArgumentException(kind.code() + " is not sent by text message");
        }
        return run(sms, model).strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static String run(Mustache template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        template.execute(out, model);
        return out.toString();
    }

    /** The plain-text part and text messages: nothing is HTML, so nothing is escaped. */
    private static final class PlainTextFactory extends DefaultMustacheFactory {

        PlainTextFactory() {
            super("templates");
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
