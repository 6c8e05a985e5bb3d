package com.omnis.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.http.TokenVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Development tokens: signed with the committed, development-only key in {@code dev-jwk.json}
 * and accepted by the local runtime's authorizer and by {@link #verifier()}. They carry what a
 * Cognito ID token carries for Omnis: {@code sub}, {@code cognito:groups}, {@code custom:storeId}.
 */
public final class DevTokens {

    /** The issuer of development tokens; the local runtime gives functions this {@code JWT_ISSUER}. */
    public static final String ISSUER = "https://omnis.local/dev-issuer";
    /** The audience of development tokens; the local runtime gives functions this {@code JWT_AUDIENCE}. */
    public static final String AUDIENCE = "omnis-local";
    public static final List<String> GROUPS = List.of(Caller.CUSTOMER, Caller.STORE_STAFF, Caller.AGENT, Caller.OPS);
    public static final Duration DEFAULT_TTL = Duration.ofHours(8);

    private static final RSAKey KEY = loadKey();

    private DevTokens() {
    }

    public static Builder forSubject(String subject) {
        return new Builder(subject);
    }

    /** A customer's token, valid for {@link #DEFAULT_TTL}. */
    public static String customer(String subject) {
        return forSubject(subject).groups(Caller.CUSTOMER).sign();
    }

    /** The public half of the development key as a JWKS document. */
    public static String publicJwks() {
        return new JWKSet(KEY.toPublicJWK()).toString(true);
    }

    public static JWKSource<SecurityContext> publicKeys() {
        return new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK()));
    }

    /** Verifies development tokens like the HTTP API authorizer would. */
    public static TokenVerifier verifier() {
        return TokenVerifier.of(publicKeys(), ISSUER, AUDIENCE);
    }

    private static RSAKey loadKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-jwk.json")) {
            if (in == null) {
                throw new IllegalStateException("dev-jwk.json is missing from the classpath");
            }
            JsonNode document = new ObjectMapper().readTree(in);
            return RSAKey.parse(document.get("jwk").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("dev-jwk.json does not hold an RSA JWK", e);
        }
    }

    /** The claims of one token; defaults: no group, no store, issued now, valid {@link #DEFAULT_TTL}. */
    public static final class Builder {
        private final String subject;
        private final List<String> groups = new ArrayList<>();
        private Optional<String> storeId = Optional.empty();
        private Optional<String> email = Optional.empty();
        private Instant issuedAt = Instant.now();
        private Duration ttl = DEFAULT_TTL;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;

        private Builder(String subject) {
            if (subject == null || subject.isBlank()) {
                throw new IllegalArgumentException("a token needs a subject");
            }
            this.subject = subject;
        }

        public Builder groups(String... names) {
            groups.addAll(List.of(names));
            return this;
        }

        public Builder groups(List<String> names) {
            groups.addAll(names);
            return this;
        }

        public Builder store(String id) {
            this.storeId = Optional.ofNullable(id).filter(s -> !s.isBlank());
            return this;
        }

        public Builder email(String address) {
            this.email = Optional.ofNullable(address).filter(s -> !s.isBlank());
            return this;
        }

        public Builder issuedAt(Instant instant) {
            this.issuedAt = instant;
            return this;
        }

        public Builder ttl(Duration duration) {
            this.ttl = duration;
            return this;
        }

        /** For tests of the authorizer: a token from another issuer. */
        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        /** For tests of the authorizer: a token for another audience. */
        public Builder audience(String value) {
            this.audience = value;
            return this;
        }

        public JWTClaimsSet claims() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(audience)
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(ttl)))
                    .claim("token_use", "id");
            if (!groups.isEmpty()) {
                claims.claim(Caller.GROUPS_CLAIM, List.copyOf(groups));
            }
            storeId.ifPresent(id -> claims.claim(Caller.STORE_CLAIM, id));
            email.ifPresent(address -> claims.claim("email", address));
            return claims.build();
        }

        public String sign() {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(KEY.getKeyID()).type(JOSEObjectType.JWT).build(), claims());
            try {
                jwt.sign(new RSASSASigner(KEY));
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot sign a development token", e);
            }
            return jwt.serialize();
        }
    }
}
