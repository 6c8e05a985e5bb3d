package com.omnis.carts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartEdit;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartLine;
import com.omnis.carts.domain.CartToken;
import com.omnis.carts.domain.CartUpdate;
import com.omnis.carts.dynamo.DynamoCartRepository;
import com.omnis.local.EmbeddedDynamo;
import com.omnis.local.lambda.LocalContext;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.config.Settings;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.privacy.Erasure;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The carts' part of an erasure, through {@link CartsPrivacyHandler} as Lambda builds it (the template's
 * environment) on DynamoDB Local, fed the bus sample {@code events/bus/ErasureApproved.json}: the customer's
 * carts and pointer go, another customer's and a guest's stay, and every delivery is answered exactly once.
 */
class CartErasureTest {

    private static final Path BUS = Path.of(System.getProperty("omnis.repo.root", "../.."), "events", "bus");
    private static final CustomerId ERASED = CustomerId.of("erase-me");
    private static final CustomerId KEPT = CustomerId.of("keep-me");
    private static final Instant T0 = Instant.parse("2026-05-02T09:00:00Z");

    private final EmbeddedDynamo dynamo = EmbeddedDynamo.startWith(SamTemplate.load());
    private final Map<String, String> env = dynamo.environmentFor("CartsPrivacyFunction");
    private final DynamoCartRepository carts = new DynamoCartRepository(dynamo.client(), env.get("CARTS_TABLE"));
    private final CartsPrivacyHandler handler = Settings.withOverrides(env, CartsPrivacyHandler::new);

    @AfterEach
    void dropTables() {
        dynamo.close();
    }

    @Test
    void theCustomersCartsAndPointerAreDeletedAndThePartAnsweredOnce() {
        // given the customer's checked-out cart and active cart, another customer's cart and a guest cart
        Cart checkedOut = checkedOutCart(ERASED, T0);
        Cart active = activeCart(ERASED, T0.plusSeconds(60));
        Cart others = activeCart(KEPT, T0);
        Cart guest = guestCart(T0);

        // when the erasure is approved
        CartsPrivacyHandler.Report report = deliver(approved(ERASED, "prq-1"));

        // then the customer's carts and pointer are gone: no item of the table names them any more
        assertThat(report.counts()).isEqualTo(Map.of("carts", 2));
        assertThat(carts.find(checkedOut.id())).isEmpty();
        assertThat(carts.find(active.id())).isEmpty();
        assertThat(carts.findCustomerCart(ERASED)).isEmpty();
        assertThat(rawItem("customer#" + ERASED)).isEmpty();
        assertThat(cartItemsAsText()).hasSize(3).noneMatch(text -> text.contains(ERASED.value()));
        // and the other customer's cart (with its pointer) and the guest cart are as they were
        assertThat(carts.findCustomerCart(KEPT)).contains(others);
        assertThat(carts.find(guest.id())).contains(guest);
        // and the part is answered once, by carts, for this request
        List<DomainEvent> answers = answers();
        assertThat(answers).hasSize(1);
        DomainEvent answer = answers.getFirst();
        assertThat(answer.source()).isEqualTo("omnis.carts");
        assertThat(answer.subject()).isEqualTo("customer/erase-me/privacy/prq-1/carts");
        assertThat(answer.correlationId()).isEqualTo("corr-prq-1");
        Erasure.PartCompleted done = answer.dataAs(Erasure.PartCompleted.class);
        assertThat(done.customerId()).isEqualTo(ERASED);
        assertThat(done.requestId()).isEqualTo("prq-1");
        assertThat(done.part()).isEqualTo("carts");
        assertThat(done.counts()).isEqualTo(Map.of("carts", 2));
    }

    @Test
    void aRedeliveryDeletesNothingMoreAndAnswersAgainWithZero() {
        // given an erasure already done
        activeCart(ERASED, T0);
        Cart others = activeCart(KEPT, T0);
        Cart guest = guestCart(T0);
        ScheduledEvent event = approved(ERASED, "prq-2");
        deliver(event);

        // when the bus delivers the same event again
        CartsPrivacyHandler.Report again = deliver(event);

        // then nothing else is deleted and the part is answered a second time, with zero
        assertThat(again.counts()).isEqualTo(Map.of("carts", 0));
        assertThat(carts.findCustomerCart(KEPT)).contains(others);
        assertThat(carts.find(guest.id())).contains(guest);
        List<DomainEvent> answers = answers();
        assertThat(answers).hasSize(2).allSatisfy(e -> assertThat(e.dataAs(Erasure.PartCompleted.class).requestId())
                .isEqualTo("prq-2"));
        assertThat(answers).extracting(e -> e.dataAs(Erasure.PartCompleted.class).counts().get("carts"))
                .containsExactlyInAnyOrder(1, 0);
    }

    @Test
    void aCustomerWithMoreCartsThanOneTransactionHoldsLosesThemAllAndIsAnsweredOnce() {
        // given 150 carts of the customer (a new one opened after each checkout): two transactions' worth
        Optional<CartId> previous = Optional.empty();
        for (int i = 0; i < 150; i++) {
            Cart cart = Cart.newCustomer(CartId.random(), ERASED, "EUR", Channel.WEB, T0.plusSeconds(i));
            assertThat(carts.insertCustomerCart(cart, previous)).isTrue();
            previous = Optional.of(cart.id());
        }
        Cart others = activeCart(KEPT, T0);

        // when
        CartsPrivacyHandler.Report report = deliver(approved(ERASED, "prq-3"));

        // then
        assertThat(report.counts()).isEqualTo(Map.of("carts", 150));
        assertThat(cartItemsAsText()).hasSize(2).noneMatch(text -> text.contains(ERASED.value()));
        assertThat(carts.findCustomerCart(KEPT)).contains(others);
        assertThat(answers()).hasSize(1);
    }

    @Test
    void aCustomerWithoutCartsIsAnsweredAtOnceAndAnotherEventTypeChangesNothing() {
        Cart others = activeCart(KEPT, T0);

        assertThat(deliver(approved(CustomerId.of("never-shopped"), "prq-4")).counts()).isEqualTo(Map.of("carts", 0));
        assertThat(answers()).hasSize(1);

        ScheduledEvent consent = approved(KEPT, "prq-5");
        consent.setDetailType("ConsentChanged");
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) consent.getDetail();
        detail.put("type", "ConsentChanged");
        assertThat(deliver(consent).counts()).isEmpty();
        assertThat(answers()).hasSize(1);
        assertThat(carts.findCustomerCart(KEPT)).contains(others);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The bus sample of an approved erasure, for {@code customer} and {@code requestId}. */
    @SuppressWarnings("unchecked")
    private static ScheduledEvent approved(CustomerId customer, String requestId) {
        ScheduledEvent event = EventLoader.loadScheduledEvent(BUS.resolve("ErasureApproved.json").toString());
        Map<String, Object> detail = new HashMap<>(event.getDetail());
        Map<String, Object> data = new HashMap<>((Map<String, Object>) detail.get("data"));
        data.put("customerId", customer.value());
        data.put("requestId", requestId);
        detail.put("data", data);
        detail.put("subject", "customer/" + customer + "/privacy/" + requestId);
        detail.put("correlationId", "corr-" + requestId);
        event.setDetail(detail);
        return event;
    }

    private CartsPrivacyHandler.Report deliver(ScheduledEvent event) {
        return handler.handleRequest(event, LocalContext.forFunction("CartsPrivacyFunction"));
    }

    private Cart activeCart(CustomerId customer, Instant at) {
        Cart cart = Cart.newCustomer(CartId.random(), customer, "EUR", Channel.MOBILE, at);
        assertThat(carts.insertCustomerCart(cart, carts.findCustomerCart(customer).map(Cart::id))).isTrue();
        return carts.update(cart.id(), new CartUpdate(new CartEdit.AddLine(new CartLine(Sku.of("SOCK-3PK"),
                Quantity.of(2), Money.of(1299, "EUR"), at)), Channel.WEB, at.plusSeconds(1), OptionalLong.empty(),
                Optional.empty()));
    }

    private Cart checkedOutCart(CustomerId customer, Instant at) {
        Cart cart = activeCart(customer, at);
        new Transaction(dynamo.client()).write(List.of(carts.checkOut(cart.id(), cart.version(), Optional.of(customer),
                "order-" + cart.id(), at.plusSeconds(10))));
        return carts.find(cart.id()).orElseThrow();
    }

    private Cart guestCart(Instant at) {
        Cart cart = Cart.newGuest(CartId.random(), CartToken.hash("guest-secret"), "EUR", Channel.KIOSK, at);
        carts.insertGuestCart(cart);
        return cart;
    }

    private Optional<Map<String, AttributeValue>> rawItem(String cartId) {
        Map<String, AttributeValue> item = dynamo.client().getItem(b -> b.tableName(env.get("CARTS_TABLE"))
                .consistentRead(true).key(Map.of("cartId", AttributeValue.fromS(cartId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private List<String> cartItemsAsText() {
        List<String> items = new ArrayList<>();
        dynamo.client().scanPaginator(b -> b.tableName(env.get("CARTS_TABLE")).consistentRead(true)).items()
                .forEach(item -> items.add(item.toString()));
        return items;
    }

    private List<DomainEvent> answers() {
        List<DomainEvent> events = new ArrayList<>();
        dynamo.client().scanPaginator(b -> b.tableName(env.get("OUTBOX_TABLE")).consistentRead(true)).items()
                .forEach(item -> events.addAll(OutboxRecord.eventsOf(item)));
        return events.stream().filter(e -> e.type().equals(Erasure.PART_COMPLETED)).toList();
    }
}
