// A group's price lines as the platform prints them: product, unit price, quantity, total.
import { formatMoney } from '../format/formatters.dom.ts';
import { useApp } from '../state/appStore.dom.ts';

interface Line {
  productId: string;
  label: { fr: string; en: string };
  unitCents: number;
  quantity: number;
  totalCents: number;
}

export function PriceLineRows({ lines }: { lines: Line[] }) {
  const language = useApp((s) => s.language);
  return lines.map((line) => (
    <tr key={line.productId}>
      <td>{line.label[language]}</td>
      <td className="numeric">{formatMoney(line.unitCents, language)}</td>
      <td className="numeric">× {line.quantity}</td>
      <td className="numeric">{formatMoney(line.totalCents, language)}</td>
    </tr>
  ));
}
