package com.omnis.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.local.auth.DevTokens;
import com.omnis.shared.identity.Caller;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevTokenCliTest {

    @Test
    void printsATokenTheLocalAuthorizerAcceptsWithGroupsAndStore() {
        String token = DevTokenCli.token(new String[] {"--sub", "anna", "--groups", "store-staff,agent",
                "--store", "store-paris-opera"});

        Map<String, String> claims = DevTokens.verifier().verifyBearer("Bearer " + token);
        Caller caller = Caller.fromClaims(claims);
        assertThat(caller.subject()).isEqualTo("anna");
        assertThat(caller.groups()).containsExactlyInAnyOrder("store-staff", "agent");
        assertThat(caller.storeId()).contains("store-paris-opera");
        assertThat(claims).containsEntry("iss", DevTokens.ISSUER).containsKeys("exp", "iat");
    }

    @Test
    void refusesUnknownGroupsAndStaffWithoutAStore() {
        assertThatThrownBy(() -> DevTokenCli.token(new String[] {"--sub", "x", "--groups", "admin"}))
                .hasMessageContaining("unknown group 'admin'");
        assertThatThrownBy(() -> DevTokenCli.token(new String[] {"--sub", "x", "--groups", "store-staff"}))
                .hasMessageContaining("--store");
        assertThatThrownBy(() -> DevTokenCli.token(new String[] {"--groups", "customer"}))
                .hasMessageContaining("--sub is required");
    }

    @Test
    void readsTimeToLiveInSecondsOrWithAUnit() {
        assertThat(DevTokenCli.parseDuration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DevTokenCli.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DevTokenCli.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
        assertThatThrownBy(() -> DevTokenCli.parseDuration("soon")).hasMessageContaining("--ttl");
    }
}
