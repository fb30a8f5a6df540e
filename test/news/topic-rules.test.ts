import { describe, expect, it } from 'vitest';
import { TOPICS, type Topic } from '../../src/domain/market-data.ts';
import { TOPIC_RULES, tagTopics } from '../../src/news/topic-rules.ts';

const POSITIVE: Record<Topic, string[]> = {
  jgb: [
    'JGB yields hit highest since 1999',
    'Super-long JGBs sell off as 40-year yield jumps 18 bp',
    'Japanese government bond auction draws weak demand',
    "Japan's 30-year yield rises to record",
    'Japan yields climb on fiscal worries',
    'BOJ keeps rates on hold',
    'Bank of Japan signals more hikes',
    '超長期国債の利回りが上昇',
    '日銀、長期金利の上限を撤廃',
  ],
  ust: [
    'Treasuries rally after jobs report',
    'Stocks dip, Treasury yields jump as oil pushes higher',
    'US 10-year yield tops 4.5%',
    'U.S. yields rise as traders pare bets',
    'Fed holds rates steady',
    'Federal Reserve minutes show divided committee',
    'FOMC statement in full',
  ],
  gold: [
    'Gold hits record above $5,000',
    'Spot gold slips as dollar firms',
    'Bullion demand rises in India',
    'XAU/USD breaks resistance',
    'Silver jumps 4% as industrial demand grows',
    'Precious metals extend gains',
    '金価格が最高値を更新',
  ],
  oil: [
    'Oil surges above $100 a barrel',
    "Oil's rally stalls",
    'Crude futures slide',
    'Brent tops $120',
    'WTI falls below $90',
    'OPEC+ agrees output cut',
    '原油先物が急騰',
  ],
  xrp: ['XRP jumps 10% after ruling', 'Ripple wins court case against SEC', 'リップル社が新サービス'],
  btc: [
    'Bitcoin tops $100,000',
    'BTC slides overnight',
    'Crypto funds see inflows',
    'Cryptocurrency rules tighten',
    'ビットコインが急落',
  ],
  fx: [
    'Japan ready to act against sharp yen swings',
    'Dollar-yen tops 160',
    'USD/JPY volatility spikes',
    'Emerging market currencies slide',
    'Forex traders brace for intervention',
    'Dollar rises as investors remain on edge',
    '円安が進行、1ドル160円',
  ],
  macro: [
    'ECB policymakers acknowledge war risk, promise to keep inflation in check',
    'US CPI rises 0.4% in February',
    'GDP contracts in fourth quarter',
    'Central banks face a dilemma',
    'Iran-linked energy spike shrinks emerging markets room for rate cuts',
    'U.S. payrolls unexpectedly fell by 92,000 in February; unemployment rate rises to 4.4%',
    '消費者物価指数が上昇',
  ],
};

const NEGATIVE: Record<Topic, string[]> = {
  jgb: [
    'Japan to consider whether to buy Russian crude following US sanctions waiver',
    "Quant Ratings of BofA Securities' Top Yield Fund Holdings",
    'Bojangles opens new stores',
  ],
  ust: ['Parents fed up with screen time', 'Data fed into the model', 'High-yield funds see outflows'],
  gold: [
    'Golden Globes: the full list of winners',
    'Goldman Sachs raises targets',
    'Gold Coast property prices climb',
    'Sprinter wins gold medal',
    'Data privacy is the gold standard for the industry',
    'Silver Lake agrees buyout',
    'A silver lining for exporters',
  ],
  oil: [
    'Boiler makers raise prices',
    'Olive oil prices ease in Spain',
    'Edmonton Oilers win in overtime',
    'Toiletries maker reports results',
    'Senator condemns crude remarks',
  ],
  xrp: ['Tariffs send a ripple effect through supply chains', 'The Ripple Effect of higher rates'],
  btc: ['Cryptography researchers win award', 'Encrypted messaging app grows'],
  fx: ['Dollar General cuts outlook', 'Yenta app raises funds', 'Fixed income trading revenue rises'],
  macro: ['Separates fact from fiction', 'Pirates of the Caribbean', 'Generate more leads'],
};

describe('tagTopics', () => {
  for (const topic of TOPICS) {
    it(`tags ${topic} headlines`, () => {
      for (const text of POSITIVE[topic]) expect(tagTopics(text), text).toContain(topic);
    });

    it(`does not tag look-alike words as ${topic}`, () => {
      for (const text of NEGATIVE[topic]) expect(tagTopics(text), text).not.toContain(topic);
    });
  }

  it('files silver under gold, the precious-metals topic', () => {
    expect(tagTopics('Silver futures jump')).toEqual(['gold']);
  });

  it('returns several topics in TOPICS order', () => {
    expect(tagTopics('Oil jumps, dollar rallies with gold as conflict grips Middle East')).toEqual([
      'gold',
      'oil',
      'fx',
    ]);
    expect(tagTopics('BOJ hike sends yen higher and JGB yields to records')).toEqual(['jgb', 'fx']);
  });

  it('returns no topics for an unrelated headline', () => {
    expect(tagTopics('Samsung reveals first details of its AI smart glasses to CNBC')).toEqual([]);
  });

  it('has rules for every topic and none with the stateful g or y flag', () => {
    for (const topic of TOPICS) {
      expect(TOPIC_RULES[topic].length).toBeGreaterThan(0);
      for (const rule of TOPIC_RULES[topic]) expect(rule.flags).not.toMatch(/[gy]/);
    }
  });
});
