/** Reasons for poverty (nguyên nhân nghèo) as the review lists them. */
export const POVERTY_REASONS = [
  { id: 'land', name: 'Thiếu đất sản xuất', aliases: ['Thiếu đất sản xuất', 'Thiếu đất'] },
  { id: 'capital', name: 'Thiếu vốn', aliases: ['Thiếu vốn', 'Thiếu vốn sản xuất'] },
  { id: 'labour', name: 'Thiếu lao động', aliases: ['Thiếu lao động'] },
  { id: 'equipment', name: 'Thiếu phương tiện sản xuất', aliases: ['Thiếu phương tiện sản xuất', 'Thiếu công cụ sản xuất'] },
  { id: 'knowledge', name: 'Thiếu kiến thức sản xuất', aliases: ['Thiếu kiến thức sản xuất', 'Thiếu kiến thức'] },
  { id: 'skills', name: 'Thiếu kỹ năng lao động', aliases: ['Thiếu kỹ năng lao động', 'Thiếu kỹ năng'] },
  { id: 'illness', name: 'Ốm đau, tai nạn', aliases: ['Ốm đau, tai nạn', 'Ốm đau / tai nạn', 'Ốm đau', 'Có người ốm đau nặng'] },
  { id: 'other', name: 'Khác', aliases: ['Khác', 'Nguyên nhân khác'] },
] as const;
