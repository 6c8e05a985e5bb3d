package com.omnis.shared.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.config.Settings;
import com.omnis.shared.json.Json;
import com.omnis.shared.metrics.EmfMetrics;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Functions sharing one JVM log under their own service name, through Powertools' own layout. */
class InvocationLoggingTest {

    private static final Logger LOG = LoggerFactory.getLogger(InvocationLoggingTest.class);

    private final StringWriter captured = new StringWriter();
    private WriterAppender appender;

    @BeforeEach
    void captureTheLambdaJsonLayout() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        appender = WriterAppender.newBuilder().setName("captured").setTarget(captured).setConfiguration(config)
                .setLayout(JsonTemplateLayout.newBuilder().setConfiguration(config)
                        .setEventTemplateUri("classpath:LambdaJsonLayout.json").build())
                .build();
        appender.start();
        config.getLoggerConfig("com.omnis").addAppender(appender, Level.INFO, null);
        context.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getLoggerConfig("com.omnis").removeAppender("captured");
        context.updateLoggers();
        appender.stop();
    }

    private static Invocation boundaryOf(String service) {
        return Settings.withOverrides(Map.of(EmfMetrics.SERVICE, service), () -> Invocation.of(Settings.current()));
    }

    private List<JsonNode> lines() {
        return Arrays.stream(captured.toString().split("\\R")).filter(line -> !line.isBlank())
                .map(line -> Json.read(line, JsonNode.class)).toList();
    }

    @Test
    void eachFunctionsLinesCarryItsOwnServiceName() {
        // given: two functions of one JVM whose process environment names no service
        Invocation carts = boundaryOf("carts");
        Invocation inventory = boundaryOf("inventory");

        // when
        carts.run(null, () -> {
            LOG.info("cart opened");
            return null;
        });
        inventory.run(null, () -> {
            LOG.info("hold placed");
            return null;
        });

        // then
        assertThat(lines()).extracting(line -> line.path("message").asText() + " @ " + line.path("service").asText())
                .containsExactly("cart opened @ carts", "hold placed @ inventory");
    }
}
