package com.chroniccare.core;

import java.util.List;

/** Who read or changed which patient's data, and when. Entries are never updated or deleted by the service. */
public interface AuditApi {

    void record(Long actorId, Long patientId, String action, String detail);

    List<AuditEntry> forPatient(long patientId);
}
