package com.chroniccare.wechat.readings;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import com.chroniccare.core.ReadingQuery;
import com.chroniccare.core.ReadingType;
import org.springframework.format.annotation.DateTimeFormat;

/** Query parameters of a reading list, shared by the patient's and the care team's view. */
public record ReadingListParams(ReadingType type,
                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                String cursor, @Min(1) @Max(100) Integer limit) {

    public ReadingQuery toQuery() {
        return new ReadingQuery(type, from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
                cursor, limit == null ? 20 : limit);
    }
}
