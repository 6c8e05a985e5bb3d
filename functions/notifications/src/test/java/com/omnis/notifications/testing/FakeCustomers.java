package com.omnis.notifications.testing;

import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.Purpose;
import com.omnis.notifications.domain.Recipient;
import com.omnis.notifications.service.CustomerDirectory;
import com.omnis.shared.domain.Sku;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The customers context in memory: profiles, consents per (purpose, channel), saved items. */
public final class FakeCustomers implements CustomerDirectory {

    private final Map<String, Recipient> recipients = new ConcurrentHashMap<>();
    private final Set<String> consents = ConcurrentHashMap.newKeySet();
    private final Map<Sku, List<String>> savers = new ConcurrentHashMap<>();

    public FakeCustomers add(String customerId, String name, String email, String phone, String locale, String zone) {
        recipients.put(customerId, new Recipient(customerId, name, Optional.ofNullable(email), Optional.ofNullable(phone),
                locale, ZoneId.of(zone)));
        return this;
    }

    public FakeCustomers consent(String customerId, Purpose purpose, MessageChannel channel, boolean granted) {
        String key = customerId + "|" + purpose.code() + "|" + channel.code();
        if (granted) {
            consents.add(key);
        } else {
            consents.remove(key);
        }
        return this;
    }

    public FakeCustomers saves(String customerId, Sku sku) {
        savers.computeIfAbsent(sku, s -> new CopyOnWriteArrayList<>()).add(customerId);
        return this;
    }

    @Override
    public Optional<Recipient> recipient(String customerId) {
        return Optional.ofNullable(recipients.get(customerId));
    }

    @Override
    public boolean consented(String customerId, Purpose purpose, MessageChannel channel) {
        return consents.contains(customerId + "|" + purpose.code() + "|" + channel.code());
    }

    @Override
    public List<String> saversOf(Sku sku) {
        return List.copyOf(savers.getOrDefault(sku, List.of()));
    }
}
