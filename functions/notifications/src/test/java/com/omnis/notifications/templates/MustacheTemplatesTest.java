package com.omnis.notifications.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.notifications.domain.EmailContent;
import com.omnis.notifications.domain.Language;
import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.MessageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every kind has its email (subject, HTML, text) and, if it is texted, its SMS, in every language. */
class MustacheTemplatesTest {

    private static final MustacheTemplates TEMPLATES = new MustacheTemplates();
    private static final Map<String, Object> MODEL = Map.of("orderNumber", "OM-7K3QX9ZB", "customerName", "Zoé <Z>",
            "lang", "fr", "productName", "Kestrel", "unsubscribeUrl", "https://shop.example/account/consents",
            "cartUrl", "https://shop.example/cart/3f0c1b9e");

    @TestFactory
    List<DynamicTest> everyKindRendersInEveryLanguage() {
        List<DynamicTest> tests = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            for (Language language : Language.values()) {
                tests.add(DynamicTest.dynamicTest(kind.code() + " " + language.code(), () -> {
                    EmailContent email = TEMPLATES.email(kind, language, MODEL);
                    assertThat(email.subject()).isNotBlank().doesNotContain("{{");
                    assertThat(email.html()).startsWith("<!DOCTYPE html>").contains("Zoé &lt;Z&gt;").doesNotContain("{{");
                    assertThat(email.text()).contains("Zoé <Z>").doesNotContain("<p>", "{{");
                    if (kind.purpose().isMarketing()) {
                        assertThat(email.html()).contains("href=\"https://shop.example/account/consents\"");
                        assertThat(email.text()).contains("https://shop.example/account/consents");
                    }
                    if (kind.channels().contains(MessageChannel.SMS)) {
                        // a text message names what it is about: the order, or the cart an agent sent back
                        String about = kind == MessageKind.CART_SENT ? "https://shop.example/cart/3f0c1b9e" : "OM-7K3QX9ZB";
                        assertThat(TEMPLATES.sms(kind, language, MODEL)).contains(about).doesNotContain("\n");
                    }
                }));
            }
        }
        return tests;
    }
}
