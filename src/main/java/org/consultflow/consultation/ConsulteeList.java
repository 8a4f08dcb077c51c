package org.consultflow.consultation;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

import org.consultflow.consultation.Definition.Consultee;

/**
 * A definition's consultees, unmodifiable like {@link List#copyOf}, that also finds one by id without reading them
 * all: every invitation, reminder, recorded response and receipt looks its consultee up, and with 10,000 consultees a
 * scan of the list each time was a tenth of the application's CPU while responses came in (docs/performance.md).
 * The index is built on the first look-up; with a duplicate id (which definition checks refuse) the first one wins,
 * as a scan would have found it.
 */
final class ConsulteeList extends AbstractList<Consultee> implements RandomAccess {

    private final List<Consultee> consultees;
    private volatile Map<String, Consultee> byId;

    private ConsulteeList(List<Consultee> consultees) {
        this.consultees = List.copyOf(consultees);
    }

    static List<Consultee> of(List<Consultee> consultees) {
        return consultees instanceof ConsulteeList same ? same : new ConsulteeList(consultees);
    }

    @Override
    public Consultee get(int index) {
        return consultees.get(index);
    }

    @Override
    public int size() {
        return consultees.size();
    }

    Optional<Consultee> byId(String id) {
        var index = byId;
        if (index == null) {
            var built = new HashMap<String, Consultee>(consultees.size() * 2);
            for (var consultee : consultees) {
                if (consultee.id() != null) {
                    built.putIfAbsent(consultee.id(), consultee);
                }
            }
            byId = index = built;
        }
        return Optional.ofNullable(id == null ? null : index.get(id));
    }
}
