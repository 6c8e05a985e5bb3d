package com.omnis.shared.http;

import java.util.List;

/**
 * A problem only the HTTP edge can have (a body that is not JSON, too large, of another media
 * type). Everything a service decides is a {@code shared.error.DomainException} instead, mapped by
 * {@code Router.problemOf}.
 */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.type() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    private static ProblemException of(String slug, String title, int status, String detail) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + slug, title, status, detail, List.of(), null));
    }

    public static ProblemException malformed(String detail) {
        return of("malformed-request", "Malformed request", 400, detail);
    }

    public static ProblemException tooLarge(String detail) {
        return of("payload-too-large", "Payload too large", 413, detail);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return of("unsupported-media-type", "Unsupported media type", 415, detail);
    }
}
