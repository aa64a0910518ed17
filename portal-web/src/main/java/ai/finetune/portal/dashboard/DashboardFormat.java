package ai.finetune.portal.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;

/** {@code #{dashFmt.pct(x)}} and friends: numbers for the dashboard tables; "n/a" where nothing was measured. */
@Named("dashFmt")
@ApplicationScoped
public class DashboardFormat {
    public static final String NONE = "n/a";

    public String pct(Number x) {
        return x == null || Double.isNaN(x.doubleValue()) ? NONE : String.format(Locale.ROOT, "%.1f%%", 100 * x.doubleValue());
    }

    /** An interval in percent: "[41.2%, 58.8%]". */
    public String pctRange(Number low, Number high) {
        return low == null || high == null ? NONE : "[" + pct(low) + ", " + pct(high) + "]";
    }

    public String num(Number x, int digits) {
        return x == null || Double.isNaN(x.doubleValue()) ? NONE
                : String.format(Locale.ROOT, "%." + digits + "f", x.doubleValue());
    }

    public String range(Number low, Number high, int digits) {
        return low == null || high == null ? NONE : "[" + num(low, digits) + ", " + num(high, digits) + "]";
    }

    public String signed(Number x, int digits) {
        return x == null || Double.isNaN(x.doubleValue()) ? NONE
                : String.format(Locale.ROOT, "%+." + digits + "f", x.doubleValue());
    }
}
