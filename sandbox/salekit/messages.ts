/** Salekit simulator: the answer texts. Only "Thành công" and "OK" are documented [SEED 004, PUB]; every other wording is ours [INF]. */

/** Error messages. Only the success texts are documented; every wording here is ours. */
export const SALEKIT_MSG = {
	success: 'Thành công',
	ok: 'OK',
	tokenMissing: 'Thiếu Token xác thực trong header', // [INF] wording
	tokenInvalid: 'Token không hợp lệ hoặc đã bị thu hồi', // [INF] wording
	invalidJson: 'Dữ liệu gửi lên không đúng định dạng JSON', // [INF] wording
	notObject: 'Nội dung request phải là một đối tượng JSON', // [INF] wording
	contentType: 'Content-Type phải là application/json', // [INF] wording
	rateLimited: 'Quá nhiều yêu cầu, vui lòng thử lại sau', // [INF] wording
	required: (field: string) => `Trường ${field} là bắt buộc`,
	needContact: 'Cần ít nhất một trong các trường full_name, email hoặc phone',
	wrongType: (field: string, kind: string) => `Trường ${field} phải là ${kind}`,
	negative: (field: string) => `Trường ${field} không được âm`,
	email: 'Email không hợp lệ',
	phone: 'Số điện thoại không hợp lệ',
	gender: 'Giới tính (gender) chỉ nhận "Nam" hoặc "Nữ"',
	audienceType: 'Loại khách hàng (type) phải là số nguyên từ 0 đến 7',
	customFieldUnknown: (key: string) =>
		`Trường tùy chỉnh "${key}" chưa được khai báo trong Custom Attribute. Vào Audience, chọn một khách hàng > Chỉnh sửa > Thêm mới để tạo trước`,
	customFieldValue: (key: string) => `Giá trị của trường tùy chỉnh "${key}" phải là chuỗi hoặc số`,
	orderStatus: 'Trạng thái đơn hàng (status) phải là số nguyên từ 0 đến 7',
	payStatus: 'Trạng thái thanh toán (pay_status) chỉ nhận 0 hoặc 1',
	orderId: 'Thiếu hoặc sai tham số id của đơn hàng',
	orderNotFound: (id: string) => `Không tìm thấy đơn hàng có id ${id}`,
	productsEmpty: 'Đơn hàng phải có ít nhất một sản phẩm (products)',
	lineIdent: (n: number) => `Sản phẩm thứ ${n} cần product_id hoặc sku`,
	lineUnknown: (n: number) => `Không tìm thấy sản phẩm thứ ${n} (product_id/sku)`,
	lineQuantity: (n: number) => `Số lượng (quantity) của sản phẩm thứ ${n} phải là số nguyên lớn hơn 0`,
	linePrice: (n: number) => `Giá (price) của sản phẩm thứ ${n} phải là số không âm`,
	productType: 'Phân loại sản phẩm (type) chỉ nhận 0, 1 hoặc 2',
	photos: 'Trường photos phải là mảng các đường dẫn ảnh',
	duplicateSku: (sku: string) => `Mã sản phẩm (sku) "${sku}" đã tồn tại`,
};
