package com.omnis.shared.aws;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks an AWS adapter IT (class or method) that calls SES v2. LocalStack's free edition does not emulate
 * SES v2 (every call answers 501), so {@code scripts/aws-it/run} leaves the tag {@value #TAG} out of its
 * LocalStack pass ({@code -DexcludedGroups}); moto and a real account run it like any other IT.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(NeedsSesV2.TAG)
public @interface NeedsSesV2 {

    /** The JUnit tag, for {@code -Dgroups} / {@code -DexcludedGroups}. */
    String TAG = "ses-v2";
}
