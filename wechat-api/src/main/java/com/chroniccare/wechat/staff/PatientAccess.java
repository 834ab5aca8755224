package com.chroniccare.wechat.staff;

import com.chroniccare.core.CareException;
import com.chroniccare.core.CareTeamsApi;
import com.chroniccare.core.ConsentApi;
import com.chroniccare.core.ConsentScope;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.wechat.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Whether a staff member may see a patient: on one of their care teams (else 404) and sharing consented. */
@Component
public class PatientAccess {

    private final CareTeamsApi teams;
    private final ConsentApi consents;

    PatientAccess(CareTeamsApi teams, ConsentApi consents) {
        this.teams = teams;
        this.consents = consents;
    }

    public void require(CurrentUser me, long patientId) {
        if (!teams.isResponsibleFor(me.id(), patientId)) {
            throw CareException.notFound();
        }
        if (!consents.hasConsented(patientId, ConsentScope.CARE_TEAM_SHARING)) {
            throw new CareException(ProblemCode.CONSENT_REQUIRED, "consent.sharing-required");
        }
    }
}
