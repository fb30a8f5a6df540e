import { TOPICS, type Topic } from '../domain/market-data.ts';

// The one place to edit which headline is about what. Rules run against the title only: descriptions
// are often escaped HTML or a list of unrelated stories, and Google News puts the publisher there
// ("Gold Coast Bulletin" is not about gold).
//
// English words sit between \b so "golden", "boiler" or "Goldman" do not match. \b means nothing
// between Japanese characters, so Japanese terms are matched as they are, and only compound words
// specific enough on their own (国債, 円安; never a bare 金 or 円).
//
// Decision: silver (and "precious metals") belongs to the gold topic. Desks read them together, the
// bot has no silver topic, and a silver headline left untagged would be lost to `/headlines gold`.
export const TOPIC_RULES: Readonly<Record<Topic, readonly RegExp[]>> = {
  jgb: [
    /\bJGBs?\b/i,
    /\bJapan(?:ese|'s|’s)?\s+(?:government\s+)?bonds?\b/i,
    /\bJapan(?:ese|'s|’s)?\s+(?:(?:\d+|two|five|ten|thirty|forty)[- ]year\s+|long[- ]term\s+|super[- ]long\s+|bond\s+)*yields?\b/i,
    /\bsuper[- ]long\s+(?:bonds?|yields?|JGBs?|debt|end)\b/i,
    /\bBOJ\b/i,
    /\bBank of Japan\b/i,
    /\bUeda\b/,
    /国債|超長期|長期金利|日銀|日本銀行/,
  ],
  ust: [
    /\bTreasuries\b/i,
    /\bTreasury\s+(?:yields?|bonds?|notes?|bills?|market|auctions?|curve|prices?|selloff|sell-off|rally)\b/i,
    /\bT-bills?\b/i,
    /\b(?:US|U\.S\.)\s+(?:(?:\d+|two|five|ten|thirty)[- ]year\s+|bond\s+|long[- ]term\s+)*yields?\b/i,
    // Case-sensitive: "fed up" and "fed into" are not the Federal Reserve.
    /\bFed\b/,
    /\bFederal Reserve\b/i,
    /\bFOMC\b/,
    /\bPowell\b/,
    /米国債|米長期金利|米連邦準備理事会|FRB/,
  ],
  gold: [
    /\bgold\b(?![- ](?:medals?|medallists?|coast|cup|standard)\b)/i,
    /\bbullion\b/i,
    /\bXAU(?:\/?USD)?\b/i,
    /\bsilver\b(?!\s+(?:lining|lake|screen|medals?|spoon|bullet|surfer)\b)/i,
    /\bXAG(?:\/?USD)?\b/i,
    /\bprecious metals?\b/i,
    /金価格|金相場|金先物|銀価格/,
  ],
  oil: [
    /(?<!\b(?:olive|palm|cooking|essential|castor|fish|coconut|snake)\s)\boil\b(?!\s+paint)/i,
    /\bcrude\b(?!\s+(?:remarks?|jokes?|language|comments?))/i,
    /\bWTI\b/,
    /\bBrent\b/,
    /\bOPEC\b/i,
    /\bpetroleum\b/i,
    /原油|石油/,
  ],
  xrp: [
    /\bXRP\b/i,
    // Case-sensitive, and never "ripple effect(s)": headlines in title case still say "Ripple Effect".
    /\bRipple\b(?!\s+[Ee]ffects?\b)/,
    /リップル/,
  ],
  btc: [/\bbitcoins?\b/i, /\bBTC\b/i, /\bcrypto(?:s|currenc(?:y|ies))?\b/i, /ビットコイン|暗号資産|仮想通貨/],
  fx: [
    /\byen\b/i,
    /\bdollar[- /]yen\b/i,
    /\bUSD\s?\/?\s?JPY\b/i,
    /\bcurrenc(?:y|ies)\b/i,
    /\bforex\b/i,
    /\bFX\b/,
    /\bexchange rates?\b/i,
    /\b(?:US\s+)?dollar\b(?!\s+(?:general|tree|store|stores)\b)/i,
    /\bsterling\b/i,
    /円安|円高|円相場|ドル円|為替/,
  ],
  macro: [
    /\binflation\b/i,
    /\bdeflation\b/i,
    /\bstagflation\b/i,
    /\bCPI\b/,
    /\bPCE\b/,
    /\bPPI\b/,
    /\bGDP\b/,
    /\bPMI\b/,
    /\bcentral banks?\b/i,
    /\b(?:interest[- ])?rates?\s+(?:cuts?|hikes?|decisions?|rises?|increases?|path)\b/i,
    /\binterest rates?\b/i,
    /\brate-cut\b/i,
    /\bECB\b/,
    /\brecession\b/i,
    /\bunemployment\b/i,
    /\b(?:non-?farm\s+)?payrolls\b/i,
    /\bjobs (?:data|report)\b/i,
    /物価|インフレ|利上げ|利下げ|景気|失業率/,
  ],
};

/** The topics a headline is about, in `TOPICS` order. */
export function tagTopics(text: string): Topic[] {
  return TOPICS.filter((topic) => TOPIC_RULES[topic].some((rule) => rule.test(text)));
}
