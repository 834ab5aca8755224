package com.chroniccare.core.audit;

import java.time.Clock;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.chroniccare.core.AuditApi;
import com.chroniccare.core.AuditEntry;
import org.springframework.stereotype.Service;

@Service
class AuditService implements AuditApi {

    private final AuditMapper mapper;
    private final Clock clock;

    AuditService(AuditMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void record(Long actorId, Long patientId, String action, String detail) {
        AuditDO row = new AuditDO();
        row.at = clock.instant();
        row.actorId = actorId;
        row.patientId = patientId;
        row.action = action;
        row.detail = detail == null || detail.length() <= 255 ? detail : detail.substring(0, 255);
        mapper.insert(row);
    }

    @Override
    public List<AuditEntry> forPatient(long patientId) {
        return mapper.selectList(new QueryWrapper<AuditDO>()
                        .eq("patient_id", patientId).orderByAsc("id")).stream()
                .map(r -> new AuditEntry(r.id, r.at, r.actorId, r.patientId, r.action, r.detail))
                .toList();
    }
}
