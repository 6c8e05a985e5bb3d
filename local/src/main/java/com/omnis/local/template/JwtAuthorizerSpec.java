package com.omnis.local.template;

import java.util.List;

/** A JWT authorizer of an HttpApi: where the token comes from and which issuer and audiences it accepts. */
public record JwtAuthorizerSpec(String name, String identitySource, String issuer, List<String> audiences) {

    public JwtAuthorizerSpec {
        audiences = List.copyOf(audiences);
    }
}
