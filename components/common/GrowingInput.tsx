import { useLayoutEffect, useRef } from 'react';
import type { TextareaHTMLAttributes } from 'react';

/**
 * A one-line text field whose text wraps and whose height follows it, so that a long name is read whole
 * in a narrow popup (an `<input>` would cut it). It stays one line of text: Enter submits its form, and
 * line breaks pasted in become spaces.
 */
export function GrowingInput({
  value,
  onValue,
  ...rest
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'rows'> & {
  value: string;
  onValue: (value: string) => void;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // Where `field-sizing: content` is not supported, the height is set from the text (and again on resize).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || CSS.supports?.('field-sizing', 'content')) return;
    const fit = () => {
      el.style.height = 'auto';
      el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
    };
    fit();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : null;
    observer?.observe(el.parentElement ?? el);
    return () => observer?.disconnect();
  }, [value]);
  return (
    <textarea
      dir="auto"
      {...rest}
      ref={ref}
      rows={1}
      className={`growing-input${rest.className ? ` ${rest.className}` : ''}`}
      value={value}
      onChange={(e) => onValue(e.target.value.replace(/[\r\n]+/g, ' '))}
      onKeyDown={(e) => {
        rest.onKeyDown?.(e);
        if (e.key === 'Enter' && !e.nativeEvent.isComposing && !e.defaultPrevented) {
          e.preventDefault();
          e.currentTarget.form?.requestSubmit();
        }
      }}
    />
  );
}
