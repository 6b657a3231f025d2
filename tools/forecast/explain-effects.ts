// Plain-language sentences from the daily model's fitted effects: what a planner can check
// against what they know ("Saturdays sell 1.3x the average day", "Fiestas Patrias: +42%").
import { MONTH_NAMES } from '../../models/calendar/dates';
import type { DailyEffects } from '../../models/forecast/daily/effects';

const percent = (multiplier: number) => {
  const change = Math.round((multiplier - 1) * 100);
  return `${change >= 0 ? '+' : ''}${change}%`;
};

export function explainEffects(effects: DailyEffects): string[] {
  const sentences: string[] = [];
  const days = [...effects.weekdays].sort((left, right) => right.multiplier - left.multiplier);
  const best = days[0];
  const worst = days[days.length - 1];
  if (best && worst && best.multiplier / worst.multiplier > 1.1) {
    sentences.push(
      `Weekly pattern: ${best.name} sells ${best.multiplier.toFixed(2)}x an average day, ${worst.name} ${worst.multiplier.toFixed(2)}x.`,
    );
  }
  if (effects.yearly) {
    const { monthMultipliers, peakMonth, troughMonth } = effects.yearly;
    sentences.push(
      `Yearly season: peak in ${MONTH_NAMES[peakMonth - 1]} (${percent(monthMultipliers[peakMonth - 1] ?? 1)}), low in ${MONTH_NAMES[troughMonth - 1]} (${percent(monthMultipliers[troughMonth - 1] ?? 1)}).`,
    );
  }
  if (effects.trendForm !== 'flat' && Math.abs(effects.trendPerYear) >= 0.02) {
    sentences.push(
      `Underlying trend: ${percent(1 + effects.trendPerYear)} a year at the end of the history.`,
    );
  }
  const events = effects.events.filter((event) => event.significant);
  if (events.length > 0) {
    sentences.push(
      `Calendar effects estimated from past years: ${events
        .slice(0, 6)
        .map((event) => `${event.name} ${percent(event.multiplier)}`)
        .join(', ')}.`,
    );
  }
  if (effects.promotion?.significant) {
    sentences.push(
      `Promotion days sell ${percent(effects.promotion.multiplier)} (planned promotions are in the forecast).`,
    );
  }
  if (effects.priceElasticity?.significant) {
    sentences.push(
      `Price elasticity ${effects.priceElasticity.elasticity.toFixed(2)}: a 10% price rise changes units by about ${(effects.priceElasticity.elasticity * 10).toFixed(0)}%.`,
    );
  }
  if (effects.censoredDays > 0) {
    sentences.push(
      `${effects.censoredDays} stockout days were left out of the fit, so lost sales do not lower the forecast.`,
    );
  }
  return sentences;
}
