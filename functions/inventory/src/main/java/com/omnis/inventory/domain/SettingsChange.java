package com.omnis.inventory.domain;

import com.omnis.shared.domain.Channel;
import java.util.Map;
import java.util.Optional;

/** The settings of a position to change; absent parts stay as they are. */
public record SettingsChange(Optional<Map<Channel, Long>> safetyStock, Optional<Long> lowStockThreshold,
                             Optional<Integer> shards) {
}
