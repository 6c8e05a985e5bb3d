package com.omnis.shared.error;

/** One invalid input: where it is ({@code quantity}, {@code lines[2].sku}, {@code header X-Channel}) and what is wrong. */
public record FieldError(String field, String message) {
}
