import { describe, expect, it } from 'vitest';
import { failsWith } from './fails-with.ts';
import {
  HEADER_BYTES,
  ShareError,
  fromBase64Url,
  openShare,
  sealShare,
  toBase64Url,
} from '../../src/core/share/share-envelope.ts';
import { Pseudonymiser } from '../../src/core/share/pseudonyms.ts';

const text = (s: string) => new TextEncoder().encode(s);
const payload = text(JSON.stringify({ hello: 'мир', n: Array.from({ length: 200 }, (_, i) => i) }));

const failsWithCode = (p: Promise<unknown>) => failsWith(p, ShareError);

describe('a share envelope', () => {
  it('opens with its random key, and not with another, nor cut short, nor with any bit flipped', async () => {
    const sealed = await sealShare(payload, { kind: 'random' });
    expect(sealed.key).toHaveLength(32);
    // Compressed: the payload's repetitive JSON is smaller sealed than as it was.
    expect(sealed.bytes.length).toBeLessThan(payload.length);
    const opened = await openShare(sealed.bytes, { kind: 'key', key: sealed.key! });
    expect(new TextDecoder().decode(opened)).toBe(new TextDecoder().decode(payload));

    const other = crypto.getRandomValues(new Uint8Array(32));
    expect(await failsWithCode(openShare(sealed.bytes, { kind: 'key', key: other }))).toBe(
      'wrong-secret',
    );
    expect(await failsWithCode(openShare(sealed.bytes, null))).toBe('needs-key');
    expect(
      await failsWithCode(openShare(sealed.bytes.subarray(0, sealed.bytes.length - 1), null)),
    ).toBe('truncated');
    expect(await failsWithCode(openShare(sealed.bytes.subarray(0, 20), null))).toBe('truncated');
    expect(await failsWithCode(openShare(text('hello, world'), null))).toBe('not-a-share');
    // Every single flipped bit, in the header and in the body, fails to open.
    const key = { kind: 'key' as const, key: sealed.key! };
    for (let bit = 0; bit < sealed.bytes.length * 8; bit += 7) {
      const flipped = sealed.bytes.slice();
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      const code = await failsWithCode(openShare(flipped, key));
      expect(code, `bit ${bit}`).toMatch(
        /^(not-a-share|newer-version|damaged|truncated|wrong-secret|needs-passphrase)$/,
      );
    }
  });

  it('opens with its passphrase only; the salt and the iterations are in the header', async () => {
    const sealed = await sealShare(payload, {
      kind: 'passphrase',
      passphrase: 'Пароль для отчёта',
      iterations: 1_000,
    });
    expect(sealed.key).toBeNull();
    const opts = { minIterations: 1_000 };
    const ok = await openShare(
      sealed.bytes,
      { kind: 'passphrase', passphrase: 'Пароль для отчёта' },
      opts,
    );
    expect(ok).toEqual(payload);
    const wrong = { kind: 'passphrase' as const, passphrase: 'пароль для отчёта' };
    expect(await failsWithCode(openShare(sealed.bytes, wrong, opts))).toBe('wrong-secret');
    expect(await failsWithCode(openShare(sealed.bytes, null, opts))).toBe('needs-passphrase');
    // A header asking for fewer iterations than the app's floor is refused, not obeyed.
    const right = { kind: 'passphrase' as const, passphrase: 'Пароль для отчёта' };
    expect(await failsWithCode(openShare(sealed.bytes, right))).toBe('damaged');
    expect(sealed.bytes.length).toBeGreaterThan(HEADER_BYTES + 16);
  });

  it('uses a fresh IV and salt every time', async () => {
    const a = await sealShare(payload, { kind: 'passphrase', passphrase: 'x', iterations: 1 });
    const b = await sealShare(payload, { kind: 'passphrase', passphrase: 'x', iterations: 1 });
    expect(toBase64Url(a.bytes.subarray(10, 38))).not.toBe(toBase64Url(b.bytes.subarray(10, 38)));
  });

  it('writes base64url a URL fragment keeps, and reads it back', () => {
    const bytes = crypto.getRandomValues(new Uint8Array(1000));
    const t = toBase64Url(bytes);
    expect(t).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(t)).toEqual(bytes);
    expect(fromBase64Url('a+b/')).toBeNull();
  });
});

describe('pseudonyms', () => {
  it('give one client one code within a share and another code in the next', () => {
    const a = new Pseudonymiser();
    const b = new Pseudonymiser();
    expect(a.client('C0042')).toBe(a.client('C0042'));
    expect(a.client('C0042')).toMatch(/^C-[0-9a-f]{12}$/);
    expect(a.client('C0042')).not.toBe(a.client('C0043'));
    expect(a.client('C0042')).not.toBe(b.client('C0042'));
    const ids = Array.from({ length: 5000 }, (_, i) => `C${i}`);
    expect(new Set(ids.map((id) => a.client(id))).size).toBe(ids.length);
  });

  it('scrub e-mails, phones, card numbers and known names from comments, and nothing else', () => {
    const p = new Pseudonymiser();
    p.addNames(['Иванова Анна', 'ООО «Ромашка»']);
    expect(
      p.scrub(
        'Анна Иванова (ivanova@mail.ru, +7 916 123-45-67) платила картой 4276 1234 5678 9012, заказ 12345 опоздал на 3 дня; ромашка',
      ),
    ).toBe(
      '[name] [name] ([e-mail], [phone]) платила картой [card], заказ 12345 опоздал на 3 дня; [name]',
    );
    expect(p.scrub('Доставка опоздала на 2 дня.')).toBe('Доставка опоздала на 2 дня.');
    expect(Pseudonymiser.personal('contact_phone')).toBe(true);
    expect(Pseudonymiser.personal('segment')).toBe(false);
  });
});
