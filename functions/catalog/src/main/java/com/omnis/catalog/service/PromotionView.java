package com.omnis.catalog.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.omnis.shared.catalog.Promotion;

/** A promotion as ops see it, with whether it is in force now. */
public record PromotionView(@JsonUnwrapped Promotion promotion, boolean active) {
}
