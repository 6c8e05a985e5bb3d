package com.omnis.catalog.testing;

import com.omnis.catalog.service.CatalogProducts;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A fake of the product table for service tests: SKU order, the cursor is the last SKU returned. */
public final class InMemoryCatalogProducts implements CatalogProducts {

    private final Map<Sku, Product> products = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    private int saves;

    /** How many times a product was written: a refused request writes none. */
    public int saves() {
        return saves;
    }

    @Override
    public Optional<Product> find(Sku sku) {
        return Optional.ofNullable(products.get(sku));
    }

    @Override
    public Map<Sku, Product> findAll(Collection<Sku> skus) {
        return skus.stream().distinct().filter(products::containsKey)
                .collect(Collectors.toMap(Function.identity(), products::get));
    }

    @Override
    public Page<Product> list(Optional<String> category, Optional<String> text, int limit, Optional<String> cursor) {
        List<String> words = text.map(t -> Arrays.asList(t.toLowerCase(Locale.ROOT).split("\\s+"))).orElse(List.of());
        List<Product> matching = products.values().stream()
                .filter(Product::active)
                .filter(p -> category.map(p.category()::equals).orElse(true))
                .filter(p -> words.stream().allMatch(p.searchText()::contains))
                .filter(p -> cursor.map(c -> p.sku().value().compareTo(c) > 0).orElse(true))
                .toList();
        List<Product> page = matching.stream().limit(limit).toList();
        return new Page<>(page, matching.size() > limit ? page.getLast().sku().value() : null);
    }

    @Override
    public void save(Product product) {
        saves++;
        products.put(product.sku(), product);
    }
}
