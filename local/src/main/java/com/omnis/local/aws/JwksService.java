package com.omnis.local.aws;

import com.omnis.local.auth.DevTokens;

/** Publishes the development key set, as Cognito publishes a user pool's, for functions that verify tokens themselves. */
public final class JwksService implements LocalAwsService {

    public static final String PATH = "/.well-known/jwks.json";

    @Override
    public boolean accepts(AwsRequest request) {
        return request.method().equals("GET") && request.path().equals(PATH);
    }

    @Override
    public AwsReply handle(AwsRequest request) {
        return new AwsReply(200, "application/json", DevTokens.publicJwks());
    }
}
