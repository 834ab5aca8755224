package com.chroniccare.alerting;

/** A rule family: one open episode per patient and family; readings of the same family attach to it. */
public enum AlertFamily {
    GLUCOSE_LOW(Parameter.GLUCOSE),
    GLUCOSE_HIGH(Parameter.GLUCOSE),
    FASTING_HIGH(Parameter.GLUCOSE),
    BP_HIGH(Parameter.BLOOD_PRESSURE),
    BP_LOW(Parameter.BLOOD_PRESSURE),
    BP_TREND(Parameter.BLOOD_PRESSURE),
    MISSED_MEASUREMENT(Parameter.ADHERENCE),
    /** Several doses of one medication missed in a row (reminder-scheduler's DoseMissed). */
    MISSED_DOSES(Parameter.ADHERENCE);

    /** Higher severity inhibits lower within one parameter of one patient. */
    public enum Parameter { GLUCOSE, BLOOD_PRESSURE, ADHERENCE }

    private final Parameter parameter;

    AlertFamily(Parameter parameter) {
        this.parameter = parameter;
    }

    public Parameter parameter() {
        return parameter;
    }
}
