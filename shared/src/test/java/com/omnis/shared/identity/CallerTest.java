package com.omnis.shared.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.error.ForbiddenException;
import com.omnis.shared.error.UnauthenticatedException;
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
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.detail()).contains("'ops'"));
        assertThatThrownBy(() -> Caller.ANONYMOUS.requireGroup(Caller.OPS))
                .isInstanceOf(UnauthenticatedException.class);
    }
}
