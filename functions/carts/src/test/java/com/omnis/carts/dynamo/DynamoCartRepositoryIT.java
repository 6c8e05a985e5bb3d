package com.omnis.carts.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartEdit;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartLine;
import com.omnis.carts.domain.CartToken;
import com.omnis.carts.domain.CartUpdate;
import com.omnis.carts.service.CartRepository;
import com.omnis.local.TemplateTables;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.aws.AwsEndpoints;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.StaleWriteException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cart repository over HTTP, through the client {@link AwsClients} builds for Lambda, on a
 * CartsTable created as template.yaml declares it: DynamoDB Local in CI, any DynamoDB otherwise.
 */
class DynamoCartRepositoryIT {

    /** The real time: a guest cart's expiry in the past would let TTL delete it under the test. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private static final AwsClients AWS = new AwsClients(AwsEndpoints.settingsFor("dynamodb"));
    private static final DynamoDbClient CLIENT = AWS.dynamoDb();
    private static final TemplateTables TABLES = TemplateTables.create(CLIENT, SamTemplate.load(),
            AwsEndpoints::uniqueName, "CartsTable");

    private final CartRepository repository = new DynamoCartRepository(CLIENT,
            TABLES.name("CartsTable"));

    @AfterAll
    static void deleteTable() {
        TABLES.close();
        CLIENT.close();
    }

    @Test
    void aGuestCartGainsLinesOneAtomicEditAtATimeAndReadsBackAsTheDomainSays() {
        // given
        Cart cart = Cart.newGuest(CartId.random(), CartToken.hash("secret"), "EUR", Channel.MOBILE, NOW);
        repository.insertGuestCart(cart);

        // when
        CartUpdate addSocks = update(new CartEdit.AddLine(line("SOCK-3PK", 2)), Channel.WEB, NOW.plusSeconds(1));
        CartUpdate addCap = update(new CartEdit.AddLine(line("CAP-RED", 1)), Channel.STORE, NOW.plusSeconds(2));
        CartUpdate moreSocks = update(new CartEdit.IncreaseQuantity(Sku.of("SOCK-3PK"), Quantity.of(3)), Channel.KIOSK, NOW.plusSeconds(3));
        Cart afterSocks = repository.update(cart.id(), addSocks);
        Cart afterCap = repository.update(cart.id(), addCap);
        Cart afterMore = repository.update(cart.id(), moreSocks);

        // then
        Cart expected = cart.apply(addSocks).apply(addCap).apply(moreSocks);
        assertThat(afterSocks).isEqualTo(cart.apply(addSocks));
        assertThat(afterCap).isEqualTo(cart.apply(addSocks).apply(addCap));
        assertThat(afterMore).isEqualTo(expected);
        assertThat(repository.find(cart.id())).contains(expected);
        assertThat(expected.version()).isEqualTo(4);
        assertThat(expected.line(Sku.of("SOCK-3PK")).orElseThrow().quantity().value()).isEqualTo(5);
    }

    @Test
    void anEditAtAStaleIfMatchVersionIsRefusedAndChangesNothing() {
        // given a cart another device already edited (version 2)
        Cart cart = Cart.newGuest(CartId.random(), CartToken.hash("secret"), "EUR", Channel.MOBILE, NOW);
        repository.insertGuestCart(cart);
        repository.update(cart.id(), update(new CartEdit.AddLine(line("SOCK-3PK", 1)), Channel.WEB, NOW));
        Cart before = repository.find(cart.id()).orElseThrow();

        // when / then: an edit made against version 1
        assertThatThrownBy(() -> repository.update(cart.id(), new CartUpdate(new CartEdit.SetQuantity(Sku.of("SOCK-3PK"), Quantity.of(4)),
                Channel.MOBILE, NOW.plusSeconds(1), OptionalLong.of(cart.version()), Optional.empty())))
                .isInstanceOf(StaleWriteException.class);
        assertThat(repository.find(cart.id())).contains(before);
    }

    @Test
    void theCustomersActiveCartPointerIsWonByOneCartAndMovesOnlyWhenThePreviousCartIsNamed() {
        // given
        CustomerId customer = CustomerId.of(AwsEndpoints.uniqueName("customer"));
        Cart first = Cart.newCustomer(CartId.random(), customer, "EUR", Channel.WEB, NOW);
        Cart rival = Cart.newCustomer(CartId.random(), customer, "EUR", Channel.MOBILE, NOW);
        Cart next = Cart.newCustomer(CartId.random(), customer, "EUR", Channel.MOBILE, NOW);

        // when
        boolean firstWon = repository.insertCustomerCart(first, Optional.empty());
        boolean rivalWon = repository.insertCustomerCart(rival, Optional.empty());
        boolean nextWon = repository.insertCustomerCart(next, Optional.of(first.id()));

        // then: the losing insert wrote neither its cart nor the pointer
        assertThat(firstWon).isTrue();
        assertThat(rivalWon).isFalse();
        assertThat(repository.find(rival.id())).isEmpty();
        assertThat(nextWon).isTrue();
        assertThat(repository.findCustomerCart(customer)).contains(next);
        assertThat(repository.find(first.id())).contains(first);
    }

    private static CartUpdate update(CartEdit edit, Channel channel, Instant at) {
        return new CartUpdate(edit, channel, at, OptionalLong.empty(), Optional.empty());
    }

    private static CartLine line(String sku, int quantity) {
        return new CartLine(Sku.of(sku), Quantity.of(quantity), Money.of(1299, "EUR"), NOW);
    }
}
