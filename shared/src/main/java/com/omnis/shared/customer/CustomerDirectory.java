package com.omnis.shared.customer;

import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import java.util.List;
import java.util.Optional;

/**
 * The customers read port: what other contexts (notifications first) may know of a customer. The
 * customers function owns the writes; this reads the same table ({@link CustomerItems}) and never writes.
 */
public interface CustomerDirectory {

    /** The largest page {@link #savers} returns. */
    int MAX_SAVERS_PAGE = 100;

    /**
     * Profile and current consents, read strongly consistent (a consent withdrawn a moment ago is
     * honoured); empty for a customer who never signed in.
     */
    Optional<CustomerContact> contact(CustomerId customer);

    /** Every item the customer saved, newest first. */
    List<SavedItem> savedItems(CustomerId customer);

    /** The customer's saved item for {@code sku}, if it is (still) saved. */
    Optional<SavedItem> savedItem(CustomerId customer, Sku sku);

    /**
     * Who saved {@code sku}: one page of their saved items in customer order, from the {@code bySku}
     * index (eventually consistent: a save of the last second may be missing). {@code cursor} is a
     * previous page's {@code nextCursor}; {@code limit} is 1 to {@link #MAX_SAVERS_PAGE}.
     */
    Page<SavedItem> savers(Sku sku, int limit, Optional<String> cursor);
}
