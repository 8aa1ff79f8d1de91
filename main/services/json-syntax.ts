class SyntaxAt {
  constructor(readonly position: number) {}
}

/**
 * Where a JSON text first goes wrong (0-based offset), or null if it is valid JSON.
 * V8's JSON.parse messages only sometimes carry a position, and for short files quote
 * the whole text instead; an officer editing a profile needs a line and column.
 */
export function jsonSyntaxErrorAt(text: string): number | null {
  let i = 0;
  const n = text.length;
  const fail = (at: number): never => {
    throw new SyntaxAt(at);
  };
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (char: string) => {
    if (text[i] !== char) fail(i);
    i++;
  };
  const string = () => {
    expect('"');
    while (i < n) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i);
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail(i);
        i += 2;
        continue;
      }
      if (c < ' ') fail(i);
      i++;
    }
    fail(n);
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        expect(':');
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect('}');
        return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(']');
        return;
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match || match[0] === '' || match[0] === '-') fail(i);
    i += (match as RegExpExecArray)[0].length;
  };
  try {
    value();
    ws();
    if (i < n) fail(i);
    return null;
  } catch (error) {
    if (error instanceof SyntaxAt) return error.position;
    throw error;
  }
}
