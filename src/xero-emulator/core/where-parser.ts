import { XeroHttpError } from './errors.js';
import { dateToMs } from './xero-date.js';

/**
 * A small parser for the `where` forms clients actually send: comparisons (==, !=, <, <=, >, >=) of a
 * field path with a string, number, boolean, null, `guid("...")` or `DateTime(y,m,d[,h,m,s])`; string
 * methods `.Contains/.StartsWith/.EndsWith("x")`, `.ToLower()`/`.ToUpper()`; AND/OR/&&/||, NOT/!, parens.
 */
export type Predicate = (rec: Record<string, unknown>) => boolean;

type Tok = { t: 'id' | 'str' | 'num' | 'op' | 'lp' | 'rp' | 'comma' | 'dot'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        s += src[j++];
      }
      if (j >= src.length) throw bad(src);
      out.push({ t: 'str', v: s });
      i = j + 1;
    } else if (/[0-9-]/.test(c) && /[0-9]/.test(src[i + 1] ?? c)) {
      const m = /^-?\d+(\.\d+)?/.exec(src.slice(i));
      if (!m) throw bad(src);
      out.push({ t: 'num', v: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
      out.push({ t: 'id', v: m![0] });
      i += m![0].length;
    } else {
      const two = src.slice(i, i + 2);
      if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
        out.push({ t: 'op', v: two });
        i += 2;
      } else if ('<>!='.includes(c)) {
        out.push({ t: 'op', v: c === '=' ? '==' : c });
        i++;
      } else if (c === '(' || c === ')' || c === ',' || c === '.') {
        out.push({ t: c === '(' ? 'lp' : c === ')' ? 'rp' : c === ',' ? 'comma' : 'dot', v: c });
        i++;
      } else throw bad(src);
    }
  }
  return out;
}

function bad(src: string): XeroHttpError {
  return new XeroHttpError(400, {
    ErrorNumber: 16,
    Type: 'QueryParseException',
    Message: `Operator or expression could not be parsed: ${src}`,
  });
}

type Value = string | number | boolean | null | { date: number };

function getPath(rec: Record<string, unknown>, path: string[]): unknown {
  let cur: unknown = rec;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const obj = cur as Record<string, unknown>;
    if (key in obj) cur = obj[key];
    else {
      const lower = key.toLowerCase();
      const found = Object.keys(obj).find((k) => k.toLowerCase() === lower);
      cur = found ? obj[found] : undefined;
    }
  }
  return cur;
}

function normalise(v: unknown, against: Value): unknown {
  if (against && typeof against === 'object') {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return dateToMs(v);
    return undefined;
  }
  if (typeof against === 'string' && typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(against)) {
    return v.toLowerCase();
  }
  return v;
}

function compare(op: string, a: unknown, b: Value): boolean {
  const bv =
    b && typeof b === 'object'
      ? b.date
      : typeof b === 'string' && /^[0-9a-f-]{36}$/i.test(b)
        ? b.toLowerCase()
        : b;
  const av = a === undefined ? null : a;
  switch (op) {
    case '==':
      return av === bv || (typeof bv === 'string' && typeof av === 'string' && av === bv);
    case '!=':
      return av !== bv;
    default: {
      if (av === null || bv === null) return false;
      const x = av as number | string;
      const y = bv as number | string;
      if (op === '<') return x < y;
      if (op === '<=') return x <= y;
      if (op === '>') return x > y;
      return x >= y;
    }
  }
}

export function parseWhere(src: string): Predicate {
  const toks = tokenize(src);
  let pos = 0;
  const peek = () => toks[pos];
  const next = () => {
    const t = toks[pos++];
    if (!t) throw bad(src);
    return t;
  };
  const expect = (t: Tok['t']) => {
    const tok = next();
    if (tok.t !== t) throw bad(src);
    return tok;
  };
  const isWord = (w: string) => peek()?.t === 'id' && peek().v.toUpperCase() === w;

  function literal(): Value {
    const tok = next();
    if (tok.t === 'str') return tok.v;
    if (tok.t === 'num') return Number(tok.v);
    if (tok.t !== 'id') throw bad(src);
    const word = tok.v.toLowerCase();
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    expect('lp');
    const args: Value[] = [];
    while (peek()?.t !== 'rp') {
      args.push(literal());
      if (peek()?.t === 'comma') next();
    }
    expect('rp');
    if (word === 'guid') return String(args[0]);
    if (word === 'datetime' || word === 'date') {
      const n = args.map(Number);
      return { date: Date.UTC(n[0], (n[1] ?? 1) - 1, n[2] ?? 1, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0) };
    }
    throw bad(src);
  }

  function comparison(): Predicate {
    const path = [expect('id').v];
    let transform: ((v: unknown) => unknown) | undefined;
    while (peek()?.t === 'dot') {
      next();
      const name = expect('id').v;
      if (peek()?.t === 'lp') {
        next();
        const method = name.toLowerCase();
        if (method === 'tolower' || method === 'toupper') {
          expect('rp');
          transform = (v) =>
            typeof v === 'string' ? (method === 'tolower' ? v.toLowerCase() : v.toUpperCase()) : v;
          continue;
        }
        const arg = String(literal());
        expect('rp');
        const p = [...path];
        const fn = (s: string) =>
          method === 'contains'
            ? s.includes(arg)
            : method === 'startswith'
              ? s.startsWith(arg)
              : s.endsWith(arg);
        return (rec) => {
          const v = getPath(rec, p);
          return typeof v === 'string' && fn(transform ? String(transform(v)) : v);
        };
      }
      path.push(name);
    }
    const op = peek()?.t === 'op' ? next().v : undefined;
    if (!op) return (rec) => getPath(rec, path) === true;
    const value = literal();
    const t = transform;
    return (rec) => {
      let v = getPath(rec, path);
      if (t) v = t(v);
      return compare(op, normalise(v, value), value);
    };
  }

  function unary(): Predicate {
    if (peek()?.t === 'op' && peek().v === '!') {
      next();
      const p = unary();
      return (r) => !p(r);
    }
    if (isWord('NOT')) {
      next();
      const p = unary();
      return (r) => !p(r);
    }
    if (peek()?.t === 'lp') {
      next();
      const p = orExpr();
      expect('rp');
      return p;
    }
    return comparison();
  }

  function andExpr(): Predicate {
    let left = unary();
    while (isWord('AND') || (peek()?.t === 'op' && peek().v === '&&')) {
      next();
      const l = left;
      const r = unary();
      left = (rec) => l(rec) && r(rec);
    }
    return left;
  }

  function orExpr(): Predicate {
    let left = andExpr();
    while (isWord('OR') || (peek()?.t === 'op' && peek().v === '||')) {
      next();
      const l = left;
      const r = andExpr();
      left = (rec) => l(rec) || r(rec);
    }
    return left;
  }

  const pred = orExpr();
  if (pos !== toks.length) throw bad(src);
  return pred;
}
