package com.chroniccare.reminder.dispatch;

import com.chroniccare.reminder.ReminderTicks;
import com.chroniccare.reminder.dose.DoseService;
import com.chroniccare.reminder.plan.PlanService;
import org.springframework.stereotype.Component;

@Component
class Ticks implements ReminderTicks {

    private final PlanService plans;
    private final Dispatcher dispatcher;
    private final DoseService doses;

    Ticks(PlanService plans, Dispatcher dispatcher, DoseService doses) {
        this.plans = plans;
        this.dispatcher = dispatcher;
        this.doses = doses;
    }

    @Override
    public int generate() {
        return plans.generate();
    }

    @Override
    public int dispatch() {
        return dispatcher.dispatch();
    }

    @Override
    public int sweep() {
        return dispatcher.sweep();
    }

    @Override
    public int markMissed() {
        return doses.markMissed();
    }
}
