package com.omnis.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void readsGroupsAsApiGatewayFlattensThem() {
        Caller caller = Caller.fromClaims(Map.of("sub", "u1", "cognito:groups", "[store-staff ops]",
                "custom:storeId", "store-paris-01"));

        assertThat(caller.groups()).containsExactlyInAnyOrder("store-staff", "ops");
        assertThat(caller.storeId()).contains("store-paris-01");
    }

    @Test
    void noSubjectMeansAnonymous() {
        assertThat(Caller.fromClaims(Map.of()).isAnonymous()).isTrue();
    }

    @Test
    void requireGroupSaysWhoIsMissing() {
        Caller customer = Caller.fromClaims(Map.of("sub", "c1", "cognito:groups", "[customer]"));

        assertThatThrownBy(() -> customer.requireGroup(Caller.OPS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(403));
        assertThatThrownBy(() -> Caller.ANONYMOUS.requireGroup(Caller.OPS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
    }
}
