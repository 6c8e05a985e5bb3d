package com.omnis.catalog.service;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.inventory.SkuAvailability;
import java.util.Optional;

/** What a channel can get of a SKU now: the stock side of a product page, read from the inventory's tables. */
@FunctionalInterface
public interface StockAvailability {

    SkuAvailability of(Sku sku, Channel channel, Optional<String> postalCode);
}
