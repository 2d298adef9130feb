package org.peerlab.ui.internal.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;

/**
 * The tooltip of a chart entity: the chart's own text when its renderer has a tooltip generator,
 * else the series and the item's values (charts from the report layer have no generators).
 */
final class ChartToolTips {

    private ChartToolTips() {
    }

    /** @return the text to show for {@code entity}, or {@code null} for entities without one */
    static String text(ChartEntity entity) {
        String own = entity.getToolTipText();
        if (own != null && !own.isBlank()) {
            return own;
        }
        if (entity instanceof XYItemEntity item) {
            var data = item.getDataset();
            int s = item.getSeriesIndex();
            int i = item.getItem();
            return data.getSeriesKey(s) + ": (" + number(data.getXValue(s, i)) + ", " + number(data.getYValue(s, i)) + ")";
        }
        if (entity instanceof CategoryItemEntity item) {
            Number v = item.getDataset().getValue(item.getRowKey(), item.getColumnKey());
            return item.getRowKey() + ", " + item.getColumnKey() + ": " + (v == null ? "-" : number(v.doubleValue()));
        }
        return null;
    }

    /** @return {@code v} with up to four decimals, without grouping, in any locale */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        DecimalFormat f = new DecimalFormat(Math.abs(v) >= 1e6 || (v != 0 && Math.abs(v) < 1e-3) ? "0.###E0" : "0.####",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
    }
}
