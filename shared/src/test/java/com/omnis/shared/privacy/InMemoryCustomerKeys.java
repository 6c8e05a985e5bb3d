package com.omnis.shared.privacy;

import com.omnis.shared.domain.CustomerId;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** {@link CustomerKeys} in a map, keys wrapped as the local runtime wraps them; counts the reads of the store. */
public final class InMemoryCustomerKeys implements CustomerKeys {

    private final KeyWrapping wrapping = LocalKeyWrapping.fromBase64(LocalKeyWrapping.DEVELOPMENT_KEY);
    private final Map<CustomerId, byte[]> wrapped = new ConcurrentHashMap<>();
    private final Set<CustomerId> erased = new HashSet<>();
    public final AtomicInteger reads = new AtomicInteger();

    public void markErased(CustomerId customer) {
        erased.add(customer);
    }

    public boolean holds(CustomerId customer) {
        return wrapped.containsKey(customer);
    }

    @Override
    public Optional<SecretKey> find(CustomerId customer) {
        reads.incrementAndGet();
        return Optional.ofNullable(wrapped.get(customer))
                .map(w -> new SecretKeySpec(wrapping.unwrap(customer, w), "AES"));
    }

    @Override
    public Optional<SecretKey> findOrCreate(CustomerId customer) {
        if (erased.contains(customer)) {
            return Optional.empty();
        }
        wrapped.computeIfAbsent(customer, c -> wrapping.generate(c).wrapped());
        return find(customer);
    }

    @Override
    public void destroy(CustomerId customer) {
        wrapped.remove(customer);
    }
}
