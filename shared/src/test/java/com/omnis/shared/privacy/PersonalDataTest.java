package com.omnis.shared.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.config.Settings;
import com.omnis.shared.domain.CustomerId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    private static final CustomerId CAMILLE = CustomerId.of("customer-42");
    private static final CustomerId OLIVER = CustomerId.of("customer-7");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-15T10:00:00Z"));
    private final InMemoryCustomerKeys keys = new InMemoryCustomerKeys();
    private final PersonalData personalData = new PersonalData(keys, clock);

    @Test
    void aSealedTextOpensForItsCustomerAndDoesNotShowTheWords() {
        // when
        String sealed = personalData.seal(CAMILLE, "Où est mon colis ?").orElseThrow();

        // then
        assertThat(sealed).startsWith("pd:v1:").doesNotContain("colis");
        assertThat(PersonalData.isSealed(sealed)).isTrue();
        assertThat(personalData.open(CAMILLE, sealed)).contains("Où est mon colis ?");
        assertThat(keys.holds(CAMILLE)).as("a key made on the first seal").isTrue();
    }

    @Test
    void theSameTextSealsDifferentlyEachTime() {
        assertThat(personalData.seal(CAMILLE, "same words")).isNotEqualTo(personalData.seal(CAMILLE, "same words"));
    }

    @Test
    void anotherCustomersSealedValueDoesNotOpenEvenWithAKeyOfTheirOwn() {
        // given: both customers have a key
        String camilles = personalData.seal(CAMILLE, "the parcel never came").orElseThrow();
        personalData.seal(OLIVER, "anything").orElseThrow();

        // when / then
        assertThat(personalData.open(OLIVER, camilles)).isEmpty();
        assertThat(personalData.open(CustomerId.of("customer-nobody"), camilles)).isEmpty();
    }

    @Test
    void afterTheKeyIsDestroyedNothingSealedWithItOpensAnyMore() {
        // given
        String sealed = personalData.seal(CAMILLE, "Return without receipt").orElseThrow();

        // when
        personalData.destroyKey(CAMILLE);

        // then: this container forgot the key at once, a fresh one never had it
        assertThat(keys.holds(CAMILLE)).isFalse();
        assertThat(personalData.open(CAMILLE, sealed)).isEmpty();
        assertThat(new PersonalData(keys, clock).open(CAMILLE, sealed)).isEmpty();
    }

    @Test
    void anotherContainerStopsOpeningWithADestroyedKeyWithinTheCacheTime() {
        // given: a second container read the key before the erasure
        PersonalData otherContainer = new PersonalData(keys, clock);
        String sealed = personalData.seal(CAMILLE, "Return without receipt").orElseThrow();
        assertThat(otherContainer.open(CAMILLE, sealed)).isPresent();

        // when
        personalData.destroyKey(CAMILLE);

        // then
        clock.move(PersonalData.CACHE_TTL.minusSeconds(1));
        assertThat(otherContainer.open(CAMILLE, sealed)).as("still cached").isPresent();
        clock.move(Duration.ofSeconds(2));
        assertThat(otherContainer.open(CAMILLE, sealed)).as("the cache expired").isEmpty();
    }

    @Test
    void aKeyIsReadFromTheStoreOncePerCacheTime() {
        String sealed = personalData.seal(CAMILLE, "words").orElseThrow();
        PersonalData otherContainer = new PersonalData(keys, clock);
        int before = keys.reads.get();

        otherContainer.open(CAMILLE, sealed);
        otherContainer.open(CAMILLE, sealed);
        otherContainer.open(CAMILLE, sealed);

        assertThat(keys.reads.get() - before).isEqualTo(1);
    }

    @Test
    void anAlteredSealedValueDoesNotOpen() {
        // given
        String sealed = personalData.seal(CAMILLE, "Left with the concierge").orElseThrow();
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(PersonalData.PREFIX.length()));
        bytes[bytes.length - 20] ^= 1;
        String altered = PersonalData.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        // when / then
        assertThat(personalData.open(CAMILLE, altered)).isEmpty();
        assertThat(personalData.open(CAMILLE, sealed.substring(0, 20))).as("cut short").isEmpty();
        assertThat(personalData.open(CAMILLE, "pd:v1:not base64!")).isEmpty();
    }

    @Test
    void clearTextFromOlderEventsIsReadAsItIsAndIsNotASealedValue() {
        assertThat(PersonalData.isSealed("Where is my parcel")).isFalse();
        assertThat(personalData.open(CAMILLE, "Where is my parcel")).isEmpty();
        assertThat(personalData.read(CAMILLE, "Where is my parcel")).contains("Where is my parcel");
        assertThat(personalData.read(CAMILLE, personalData.seal(CAMILLE, "sealed words").orElseThrow()))
                .contains("sealed words");
    }

    @Test
    void anErasedCustomerGetsNoKeyAndSoNothingIsSealedForThem() {
        keys.markErased(CAMILLE);

        assertThat(personalData.seal(CAMILLE, "late words")).isEmpty();
        assertThat(keys.holds(CAMILLE)).isFalse();
    }

    @Test
    void aKeyWrappedWithOneMasterKeyDoesNotUnwrapWithAnother() {
        KeyWrapping.DataKey key = LocalKeyWrapping.fromBase64(LocalKeyWrapping.DEVELOPMENT_KEY).generate(CAMILLE);
        LocalKeyWrapping other = LocalKeyWrapping.fromBase64(Base64.getEncoder()
                .encodeToString("another-master-key-of-32-bytes!!".getBytes(StandardCharsets.US_ASCII)));

        assertThat(LocalKeyWrapping.fromBase64(LocalKeyWrapping.DEVELOPMENT_KEY).unwrap(CAMILLE, key.wrapped()))
                .isEqualTo(key.plaintext());
        assertThatThrownBy(() -> other.unwrap(CAMILLE, key.wrapped())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LocalKeyWrapping.fromBase64(LocalKeyWrapping.DEVELOPMENT_KEY).unwrap(OLIVER, key.wrapped()))
                .as("bound to its customer").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LocalKeyWrapping.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFunctionGivenNoKeySettingFailsOnItsFirstSealSayingSo() {
        PersonalData unconfigured = PersonalData.fromSettings(Settings.of(Map.of()), null, clock);

        assertThatThrownBy(() -> unconfigured.seal(CAMILLE, "words"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PERSONAL_DATA_KEY_ID");
    }

    /** A clock a test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
