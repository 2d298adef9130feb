package org.peerlab.storage.coordinator;

import java.util.List;

import org.peerlab.storage.wire.FileRecord;
import org.peerlab.storage.wire.Placement;

/**
 * A file to rebuild, as the coordinator hands it to its repair worker: read k healthy shards
 * (trying {@code sources} in order and falling back to later ones when one fails), rebuild the
 * shards of {@code targets} segment by segment, store each on its target node, then commit each
 * with {@link CoordinatorCore#replaceShard} and finish with {@link CoordinatorCore#repairFinished}.
 *
 * @param record         the file's record when the task was made
 * @param sources        healthy shards with signed READ orders; the planner's k first, then the other healthy ones
 * @param targets        one per shard to rebuild: the shard's index, its new node and a signed STORE order
 * @param deadlineMillis after this the coordinator stops waiting for the task and may plan the file again
 */
public record RepairTask(FileRecord record, List<Placement> sources, List<Placement> targets, long deadlineMillis) {

    public RepairTask {
        sources = List.copyOf(sources);
        targets = List.copyOf(targets);
    }

    /** @return the file's id */
    public String fileId() {
        return record.fileId();
    }
}
