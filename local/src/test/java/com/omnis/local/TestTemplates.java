package com.omnis.local;

import com.omnis.local.template.SamTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The templates under {@code src/test/resources/templates}. */
public final class TestTemplates {

    private TestTemplates() {
    }

    public static SamTemplate load(String name) {
        try (InputStream in = TestTemplates.class.getResourceAsStream("/templates/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test template " + name);
            }
            return SamTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
