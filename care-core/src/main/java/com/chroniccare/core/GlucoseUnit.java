package com.chroniccare.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

public enum GlucoseUnit {
    MMOL_L, MG_DL;

    /** mg/dL per mmol/L for glucose (molar mass 180.16 g/mol). */
    public static final BigDecimal MG_DL_PER_MMOL_L = new BigDecimal("18.016");

    public BigDecimal toMmol(BigDecimal value) {
        return this == MMOL_L ? value.setScale(2, RoundingMode.HALF_UP)
                : value.divide(MG_DL_PER_MMOL_L, 2, RoundingMode.HALF_UP);
    }
}
