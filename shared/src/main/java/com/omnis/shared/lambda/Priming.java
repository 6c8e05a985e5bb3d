package com.omnis.shared.lambda;

import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work done once before SnapStart takes a function's snapshot, so that the classes, the SDK clients'
 * connections and JSON mappers of a first request are already loaded and initialised in every
 * container restored from it. Each step must be harmless (reads only, nothing written). A step that
 * fails is logged and skipped: priming speeds the first request up, it must never stop the snapshot.
 * The global CRaC context holds resources weakly: the owner keeps a reference to its {@code Priming}.
 * On a JVM without CRaC (tests, local runs) registering does nothing and no step runs.
 */
public final class Priming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    private final List<Runnable> steps;

    private Priming(List<Runnable> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Priming with these steps, registered to run before the checkpoint. */
    public static Priming registered(List<Runnable> steps) {
        Priming priming = new Priming(steps);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        run();
    }

    /** Runs every step now (what the checkpoint does); returns how many succeeded. */
    public int run() {
        int succeeded = 0;
        for (Runnable step : steps) {
            try {
                step.run();
                succeeded++;
            } catch (RuntimeException e) {
                LOG.warn("a priming step failed; the snapshot is taken without it", e);
            }
        }
        return succeeded;
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to undo: the steps hold no state, and the SDK re-resolves credentials after a restore
    }
}
