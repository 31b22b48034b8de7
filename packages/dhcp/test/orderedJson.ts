// tshark's `-T json` repeats keys inside one object (every option is "dhcp.option.type"), which
// JSON.parse would collapse. This reader keeps every member, in order, as [key, value] pairs.

export type Json = string | number | boolean | null | Json[] | Members;
export interface Members {
  members: [string, Json][];
}

export function parseOrderedJson(text: string): Json {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const value = (): Json => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const members: [string, Json][] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { members };
      }
      for (;;) {
        ws();
        const k = value() as string;
        ws();
        i++; // :
        members.push([k, value()]);
        ws();
        if (text[i++] === '}') return { members };
      }
    }
    if (c === '[') {
      i++;
      const arr: Json[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i++] === ']') return arr;
      }
    }
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const s = JSON.parse(text.slice(i, j + 1)) as string;
      i = j + 1;
      return s;
    }
    const m = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 40));
    if (!m) throw new Error(`bad JSON at ${i}`);
    i += m[0].length;
    return JSON.parse(m[0]) as Json;
  };
  return value();
}

export function isMembers(j: Json | undefined): j is Members {
  return typeof j === 'object' && j !== null && !Array.isArray(j);
}

/** First member named `key`. */
export function get(j: Json | undefined, key: string): Json | undefined {
  return isMembers(j) ? j.members.find(([k]) => k === key)?.[1] : undefined;
}

/** Every member named `key`, in order. */
export function getAll(j: Json | undefined, key: string): Json[] {
  return isMembers(j) ? j.members.filter(([k]) => k === key).map(([, v]) => v) : [];
}
